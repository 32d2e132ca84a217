package cn.scanforhelp.infra.web;

import cn.scanforhelp.infra.problem.ProblemException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query, header, form and cookie parameters of a known type are read strictly: a value that is not
 * one of the type's (a boolean other than {@code true}/{@code false}, an unknown enum constant, a
 * date not {@code YYYY-MM-DD}, a number that is not one) is refused with 400 problem+json naming
 * the parameter in {@code errors[].field}, instead of being read as {@code false} (Boolean.valueOf)
 * or answered 404 (the JAX-RS default for query parameters). An empty value of a wrapper type
 * counts as absent. The rejected value is never echoed. Path parameters keep the default (404: no
 * such resource).
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        boolean primitive = rawType.isPrimitive();
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) strict(name, primitive, "boolean", StrictParams::parseBoolean);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) strict(name, primitive, "integer", s -> Integer.valueOf(s.strip()));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) strict(name, primitive, "integer", s -> Long.valueOf(s.strip()));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) strict(name, false, "date", s -> LocalDate.parse(s.strip()));
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) new Strict<>(name, false, "enum", s -> Enum.valueOf(type, s.strip()),
                    new Object[] {allowed});
        }
        return null;
    }

    private static <V> ParamConverter<V> strict(String name, boolean primitive, String code, Function<String, V> parse) {
        return new Strict<>(name, primitive, code, parse, new Object[0]);
    }

    static Boolean parseBoolean(String s) {
        String v = s.strip();
        if ("true".equalsIgnoreCase(v)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(v)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof CookieParam c) {
                return c.value();
            }
        }
        return null;
    }

    /** Thrown as a WebApplicationException so that Quarkus REST passes it on unwrapped. */
    public static final class InvalidParameter extends BadRequestException {
        private final transient ProblemException problem;

        InvalidParameter(ProblemException problem) {
            super(problem.slug());
            this.problem = problem;
        }

        public ProblemException problem() {
            return problem;
        }
    }

    record Strict<V>(String name, boolean primitive, String code, Function<String, V> parse, Object[] args)
            implements ParamConverter<V> {

        @Override
        public V fromString(String value) {
            if (value == null || value.isBlank() && !primitive) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameter(ProblemException.validation(
                        List.of(ProblemException.FieldError.of(name, code, args))));
            }
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }
}
