// (Matches are kept in booleans: a failed assert on the log itself would print all of it.)
// The README's consumer with a one-line bug: the build fails because the kit caught it, the failure and the closing
// line name ALLOC-002 with both statuses, and the reports are written all the same.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
boolean failures = log =~ /Tests run: \d+, Failures: [1-9]\d*/
assert failures : 'the build failed, but not on a failed scenario'
assert log.contains('ALLOC-002 violated') : 'the failure does not name rule ALLOC-002'
assert log.contains('STATUS_INVALID_BUFFER_SIZE') && log.contains('STATUS_SUCCESS')
// (The bug also fails ALLOC-011, whose "request exceeds MAXUSHORT" example expects the same status.)
boolean closing = log =~ /(?m)^fltkit: win11: DOES NOT CONFORM, \d+ of \d+ applicable MUST rules failed \([^)]*ALLOC-002[^)]*\)/
assert closing : 'no closing line naming ALLOC-002 in build.log'

def reports = new File(basedir, 'target/fltkit-reports')
assert new File(reports, 'conformance-summary.html').isFile() : "no summary page in $reports"
def json = new File(reports, 'conformance-summary.json')
assert json.isFile() : "no summary JSON in $reports"
def summary = new JsonSlurper().parse(json)
assert summary.headline.win11.verdict == 'DOES NOT CONFORM'
assert summary.headline.win11.failingRules.contains('ALLOC-002')
return true
