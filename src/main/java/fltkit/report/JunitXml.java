package fltkit.report;

import fltkit.rules.Outcome;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One profile's run as JUnit XML, for CI dashboards: the suite is named after the profile, every test case's
 * class name is {@code <profile>.<feature>} and its name starts with the rule ID, so several profiles in one
 * build never collide ("win7 / ALLOC-002 ..."). Each kit-check breach is a failed test case of its own
 * ({@code <profile>.KIT-LEAK-001}). Counts follow JUnit: passed and recorded pass, failed scenarios and
 * breaches fail, broken scenarios and kit errors are errors, the other outcomes are skipped.
 */
final class JunitXml {
    static final String FILE = "junit.xml";

    private JunitXml() {
    }

    static void write(Path file, ProfileRun run, RunInfo info) throws IOException {
        List<ScenarioRun> scenarios = run.scenarios();
        long breaches = scenarios.stream().filter(s -> s.kitCheck() != null).count();
        long failures = count(scenarios, Outcome.FAILED) + breaches;
        long errors = count(scenarios, Outcome.BROKEN) + count(scenarios, Outcome.KIT_ERROR);
        long skipped = count(scenarios, Outcome.NOT_APPLICABLE) + count(scenarios, Outcome.NOT_DECLARED) + count(scenarios, Outcome.UNTESTABLE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "fltkit " + run.profile());
            xml.writeAttribute("tests", Long.toString(scenarios.size() + breaches));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeCharacters("\n");
            // Which kit judged which implementation, as in every other report (a CI dashboard shows them per suite).
            xml.writeStartElement("properties");
            property(xml, "fltkit.kit.version", info.kitVersion());
            property(xml, "fltkit.kit.commit", info.kitCommit());
            property(xml, "fltkit.implementation", info.implementation() + " " + info.implementationVersion());
            xml.writeEndElement();
            xml.writeCharacters("\n");
            for (ScenarioRun scenario : scenarios) {
                testCase(xml, run.profile() + "." + scenario.feature().replace(".feature", ""), scenario.name(), scenario.outcome(),
                        scenario.message());
                if (scenario.kitCheck() != null) {
                    testCase(xml, run.profile() + "." + scenario.kitCheck().check(), scenario.kitCheck().check() + " after "
                            + scenario.name(), Outcome.FAILED, scenario.kitCheck().message());
                }
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, Outcome outcome, String message)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", clean(name));
        switch (outcome) {
            case FAILED:
                element(xml, "failure", "failed", message);
                break;
            case BROKEN:
            case KIT_ERROR:
                element(xml, "error", outcome.key(), message);
                break;
            case NOT_APPLICABLE:
            case NOT_DECLARED:
            case UNTESTABLE:
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", clean(message == null ? outcome.label() : message));
                xml.writeEndElement();
                break;
            default:
                break;
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter xml, String element, String type, String message) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", clean(message == null ? "" : message));
        xml.writeCharacters(clean(message == null ? "" : message));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, whatever an implementation put in a message. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }

    private static long count(List<ScenarioRun> scenarios, Outcome outcome) {
        return scenarios.stream().filter(s -> s.outcome() == outcome).count();
    }
}
