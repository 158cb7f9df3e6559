// The shaded command-line jar, run as an implementer would run it: java -jar, in its own JVM.
def java = new File(System.getProperty('java.home'), 'bin/java').path

def run(List<String> command) {
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(false).start()
    def out = new StringBuilder(), err = new StringBuilder()
    process.consumeProcessOutput(out, err)
    int code = process.waitFor()
    println "\$ ${command.join(' ')}\n  exit ${code}\n${out}${err}"
    [code, out.toString(), err.toString()]
}

def jar = [java, '-jar', cliJar]

// The reference passes in one profile; reports land where asked.
def (code, out, err) = run(jar + ['--implementation', 'reference', '--profile', 'win10', '--reports', 'reports-ok'])
assert code == 0
assert out =~ /(?m)^fltkit: win10: CONFORMS, .*; \d+ scenarios: [1-9]\d* passed, \d+ recorded, 0 failed, 0 broken/
assert new File(basedir, 'reports-ok/win10/junit.xml').exists()
// The default Allure mode: the single file, without the results it holds a second time.
assert new File(basedir, 'reports-ok/allure-report/index.html').length() > 0
assert !new File(basedir, 'reports-ok/allure-results').exists()

// An adapter from an added class path with one rule broken: exit 1, and the closing line counts the failure.
// (No Allure here and below: the first run covers it, and the report takes half of a run's time.)
(code, out, err) = run(jar + ['--class-path', testClasses, '-i', 'fltkit.report.ForgetsMaxUShort', '-p', 'win11', '-r', 'reports-broken',
                              '--allure', 'off'])
assert code == 1
assert out =~ /(?m)^fltkit: win11: DOES NOT CONFORM, [1-9]\d* of \d+ applicable MUST rules failed \([^)]*ALLOC-002[^)]*\); .* [1-9]\d* failed/

// The catalogue, read from inside the jar.
(code, out, err) = run(jar + ['--list-rules'])
assert code == 0 && out.contains('ALLOC-002')

// Usage errors: exit 2 with a message saying what to do.
(code, out, err) = run(jar + ['--profile', 'win11'])
assert code == 2 && err.contains('no implementation to test')
(code, out, err) = run(jar + ['-i', 'com.example.Nope'])
assert code == 2 && err.contains("'com.example.Nope' was not found")

// A process implementation after '--': the C model (the kit's tests build it into target/c) passes;
// a command that does not exist is an adapter error naming it.
def model = new File(new File(testClasses).parentFile, 'c/fltmodel').path
(code, out, err) = run(jar + ['--profile', 'win11', '--reports', 'reports-process', '--allure', 'off', '--', model])
assert code == 0
assert out =~ /(?m)^fltkit: win11: CONFORMS, .*; \d+ scenarios: [1-9]\d* passed, \d+ recorded, 0 failed/
(code, out, err) = run(jar + ['--profile', 'win11', '--', '/no/such/fltmodel'])
assert code == 2 && err.contains('/no/such/fltmodel')
return true
