package dev.mynah.actions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Validated arguments of one call: strings, longs, doubles and booleans by name. */
public final class Arguments {
    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String text(String name) {
        return (String) require(name);
    }

    public Optional<String> optionalText(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public long integer(String name) {
        return (Long) require(name);
    }

    public Optional<Long> optionalInteger(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public double number(String name) {
        return (Double) require(name);
    }

    public boolean flag(String name, boolean otherwise) {
        Object value = values.get(name);
        return value == null ? otherwise : (Boolean) value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            switch (value) {
                case String s -> json.put(name, s);
                case Long l -> json.put(name, l);
                case Double d -> json.put(name, d);
                case Boolean b -> json.put(name, b);
                default -> throw new IllegalStateException("unexpected argument type " + value.getClass());
            }
        });
        return json;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("argument \"" + name + "\" was not given; the schema should require it");
        }
        return value;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
