// The README's consumer against the reference: the build passes, and leaves the verdict where the README says.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def tests = log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*(?:\n|$)/
assert tests.find() : 'no Surefire summary in build.log'
assert (tests.group(1) as int) > 0 : 'the kit suite ran no scenario'
assert tests.group(2) == '0' && tests.group(3) == '0' : "scenarios failed: ${tests.group(0)}"

def reports = new File(basedir, 'target/fltkit-reports')
assert new File(reports, 'conformance-summary.html').isFile() : "no summary page in $reports"
def json = new File(reports, 'conformance-summary.json')
assert json.isFile() : "no summary JSON in $reports"
assert new File(reports, 'win11/junit.xml').isFile()
def summary = new JsonSlurper().parse(json)
assert summary.run.implementation == 'my filter manager'
// Five methods and no role interface: the rules they reach hold; the rest needs capabilities not declared.
assert summary.headline.win11.verdict == 'INCOMPLETE' : "verdict ${summary.headline.win11.verdict}"
assert summary.headline.win11.failingRules.isEmpty()

// The closing line names the profile and its verdict, in the Maven log as on the command line.
boolean closing = log =~ /(?m)^fltkit: win11: INCOMPLETE, no failures in \d+ of \d+ applicable MUST rules/
assert closing : 'no closing line for win11 in build.log'
boolean where = log =~ /(?m)^fltkit: reports in .*fltkit-reports$/
assert where : 'the log does not say where the reports are'

// The second build, limited by tags to what the consumer cannot run, has no verdict: Surefire reports the
// conformance claim as a failed test and the build fails (the invoker checked that it failed).
def partial = log.substring(log.indexOf('BUILD SUCCESS'))   // what the second build logged
boolean noVerdict = partial =~ /(?m)^fltkit: win11: NO VERDICT, .*\[PARTIAL: --tags @needs:irql\]/
assert noVerdict : 'no NO VERDICT closing line for the tags-limited build'
boolean counted = partial =~ /Tests run: \d+, Failures: 1, Errors: 0/
assert counted : 'Surefire did not count the failed conformance claim'
assert partial.contains('win11: NO VERDICT, none of the') && partial.contains('BUILD FAILURE')
return true
