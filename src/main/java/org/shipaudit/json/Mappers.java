package org.shipaudit.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;

/**
 * Shared, thread-safe Jackson mappers. Unknown properties are rejected (a misspelt field must not be silently
 * ignored), money amounts are BigDecimal written as strings, dates are ISO-8601.
 */
public final class Mappers {

    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build());

    private static final ObjectMapper YAML = configure(YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build());

    private Mappers() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule money = new SimpleModule("money");
        // Money is a decimal string on the wire: a float would lose cents.
        money.addSerializer(BigDecimal.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer());
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(money);
        mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).build());
        return mapper;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static ObjectMapper yaml() {
        return YAML;
    }
}
