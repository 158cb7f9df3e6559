package fltkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.spi.FilterManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FilterManager method travels over the protocol: the process adapter implements it, and
 * PROTOCOL.md and protocol-v1.schema.json name its operation. Whoever adds an SPI method adds it in
 * all three places (ProcessFilterManager, PROTOCOL.md's table, the schema's op list).
 */
class ProtocolCoverageTest {

    @Test
    void everyFilterManagerMethodHasAnOperation() throws IOException {
        Set<String> ops = new TreeSet<>();
        JsonNode schema;
        try (InputStream in = ProcessProvider.class.getResourceAsStream("/fltkit/protocol/protocol-v1.schema.json")) {
            assertThat(in).as("fltkit/protocol/protocol-v1.schema.json on the class path").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        schema.at("/$defs/request/properties/op/enum").forEach(op -> ops.add(op.asText()));
        String protocol;
        try (InputStream in = ProcessProvider.class.getResourceAsStream("/fltkit/protocol/PROTOCOL.md")) {
            protocol = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<String> missing = new ArrayList<>();
        for (Method method : FilterManager.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String op = operation(method);
            try {
                ProcessFilterManager.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method + " is not implemented by ProcessFilterManager");
            }
            if (!ops.contains(op)) {
                missing.add("op '" + op + "' (" + method.getName() + Arrays.toString(method.getParameterTypes())
                        + ") is missing from protocol-v1.schema.json");
            }
            if (!protocol.contains("`" + op + "`")) {
                missing.add("op '" + op + "' is missing from PROTOCOL.md");
            }
        }
        assertThat(missing).as("SPI methods the process protocol does not carry").isEmpty();
    }

    /** The op name: the method name, except the typed delete routine, which shares FltDeleteContext's name. */
    static String operation(Method method) {
        if (method.getName().equals("deleteContext") && method.getParameterCount() == 3) {
            return "deleteTypedContext";
        }
        return method.getName();
    }
}
