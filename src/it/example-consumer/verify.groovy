// The adapter passes every applicable scenario: the suite ran scenarios, none failed, the build succeeded.
def log = new File(basedir, 'build.log').text
def summary = log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*(?:\n|$)/
assert summary.find() : 'no Surefire summary in build.log'
assert (summary.group(1) as int) > 0 : 'the kit suite ran no scenario'
assert summary.group(2) == '0' && summary.group(3) == '0' : "scenarios failed: ${summary.group(0)}"
assert log.contains('fltkit.suite.ConformanceTests') : 'the kit suite did not run from the kit jar'
assert log.contains('BUILD SUCCESS')
return true
