// The build failed because the kit caught the bug, and the failure names the broken rule with both statuses.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /Tests run: \d+, Failures: [1-9]\d*/ : 'the build failed, but not on a failed scenario'
assert log.contains('ALLOC-002 violated') : 'the failure does not name rule ALLOC-002'
assert log.contains('STATUS_INVALID_BUFFER_SIZE') && log.contains('STATUS_SUCCESS')
return true
