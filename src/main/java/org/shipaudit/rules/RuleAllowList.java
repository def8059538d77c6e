package org.shipaudit.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Severity;

/**
 * What rule code may name: the fact model ({@code org.shipaudit.model}), {@link Severity}, {@link Category},
 * {@link Findings} and its builder, and a short list of JDK value types with the methods listed here. Everything else
 * is refused by {@link RuleSandbox}. The JDK lists are written out by hand on purpose: a method joins only after
 * someone has checked that it cannot reach the clock, the file system, threads or reflection, and cannot allocate
 * without bound ({@code String.repeat}, {@code BigDecimal.pow} and {@code String.format} stay out for that reason).
 * The fact model's methods are taken by reflection, because the model is ours and holds only values.
 */
final class RuleAllowList {

    /** Packages whose public classes are facts or value helpers rules may use. */
    static final String MODEL_PACKAGE = "org.shipaudit.model.";

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "compareTo");
    private static final Set<String> NUMBER_METHODS = Set.of("valueOf", "intValue", "longValue", "doubleValue",
            "floatValue", "shortValue", "byteValue", "compare", "max", "min", "sum", "signum", "abs");

    /** JDK type -> the methods (static or instance) a rule may call on it. */
    private static final Map<Class<?>, Set<String>> JDK = new LinkedHashMap<>();

    static {
        JDK.put(String.class, Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf", "lastIndexOf",
                "contains", "startsWith", "endsWith", "equalsIgnoreCase", "compareToIgnoreCase", "toUpperCase",
                "toLowerCase", "trim", "strip", "stripLeading", "stripTrailing", "replace", "replaceFirst", "matches", "concat",
                "join", "valueOf"));
        JDK.put(Integer.class, union(NUMBER_METHODS, Set.of("parseInt")));
        JDK.put(Long.class, union(NUMBER_METHODS, Set.of("parseLong")));
        JDK.put(Double.class, union(NUMBER_METHODS, Set.of("parseDouble", "isNaN", "isInfinite")));
        JDK.put(Float.class, union(NUMBER_METHODS, Set.of("parseFloat")));
        JDK.put(Short.class, NUMBER_METHODS);
        JDK.put(Byte.class, NUMBER_METHODS);
        JDK.put(Number.class, NUMBER_METHODS);
        JDK.put(Boolean.class, Set.of("valueOf", "parseBoolean", "booleanValue", "logicalAnd", "logicalOr", "logicalXor"));
        JDK.put(Character.class, Set.of("valueOf", "charValue", "isDigit", "isLetter", "isWhitespace", "isUpperCase",
                "isLowerCase"));
        JDK.put(Object.class, Set.of());
        JDK.put(Math.class, Set.of("abs", "ceil", "floor", "round", "rint", "max", "min", "signum", "sqrt", "pow",
                "floorDiv", "floorMod", "hypot"));
        JDK.put(BigDecimal.class, Set.of("valueOf", "add", "subtract", "multiply", "divide", "remainder", "negate",
                "abs", "signum", "scale", "precision", "setScale", "stripTrailingZeros", "toPlainString", "max", "min",
                "movePointLeft", "movePointRight", "intValue", "longValue", "doubleValue", "intValueExact",
                "longValueExact"));
        JDK.put(RoundingMode.class, Set.of("valueOf", "name"));
        JDK.put(LocalDate.class, union(temporal(), Set.of("ofEpochDay", "toEpochDay", "getDayOfYear",
                "lengthOfMonth", "isLeapYear", "atTime")));
        JDK.put(LocalDateTime.class, union(temporal(), Set.of("toLocalDate", "toLocalTime", "getHour", "getMinute")));
        JDK.put(LocalTime.class, Set.of("of", "parse", "isBefore", "isAfter", "getHour", "getMinute", "plusHours",
                "plusMinutes", "minusHours", "minusMinutes"));
        JDK.put(YearMonth.class, union(temporal(), Set.of("atDay", "atEndOfMonth")));
        JDK.put(DayOfWeek.class, Set.of("valueOf", "of", "getValue", "plus", "minus", "name"));
        JDK.put(Month.class, Set.of("valueOf", "of", "getValue", "plus", "minus", "name"));
        JDK.put(Duration.class, Set.of("of", "ofDays", "ofHours", "ofMinutes", "between", "toDays", "toHours",
                "toMinutes", "isNegative", "isZero", "plus", "minus"));
        JDK.put(Period.class, Set.of("of", "ofDays", "ofWeeks", "ofMonths", "ofYears", "between", "getDays",
                "getMonths", "getYears", "isNegative", "isZero"));
        JDK.put(ChronoUnit.class, Set.of("valueOf", "between", "name"));
        // Read-only collections: size and look-up, never an iterator, a stream or a mutator.
        Set<String> readOnly = Set.of("size", "isEmpty", "contains", "containsAll", "get", "getOrDefault",
                "containsKey", "containsValue", "indexOf", "lastIndexOf", "of", "copyOf", "keySet", "values");
        JDK.put(Collection.class, readOnly);
        JDK.put(List.class, readOnly);
        JDK.put(Set.class, readOnly);
        JDK.put(Map.class, readOnly);
        // A sorted copy, so a message lists values in a stable order; built from a collection, never added to.
        JDK.put(java.util.TreeSet.class, union(readOnly, Set.of("first", "last")));
    }

    /** Java.lang types a rule may name without an import (the compiler imports java.lang for it). */
    private static final Set<Class<?>> IMPLICIT = Set.of(String.class, Integer.class, Long.class, Double.class,
            Float.class, Short.class, Byte.class, Number.class, Boolean.class, Character.class, Object.class,
            Math.class);

    /** Methods no rule may call whatever the receiver: they reach the class, the monitor or the engine. */
    static final Set<String> NEVER = Set.of("getClass", "getDeclaringClass", "wait", "notify", "notifyAll",
            "finalize", "clone", "describeConstable", "resolveConstantDesc", "getClassLoader", "forName",
            "loadClass", "newInstance", "invoke", "exec", "exit", "halt");

    private static final Set<Class<?>> FINDINGS = Set.of(Findings.class, Findings.Builder.class, Severity.class,
            Category.class);

    private static final ClassValue<Set<String>> PUBLIC_METHODS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (Method m : type.getMethods()) {
                // Facts are immutable to rules: a model class's setters (decision tables' reference beans have
                // them) and mutators are never callable, so a rule cannot change an input another rule reads.
                if (!NEVER.contains(m.getName()) && !returnsReflection(m.getReturnType())
                        && !(mutator(m.getName()) && m.getParameterCount() > 0)) {
                    names.add(m.getName());
                }
            }
            return Set.copyOf(names);
        }
    };

    private RuleAllowList() {
    }

    private static Set<String> temporal() {
        return Set.of("of", "parse", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusWeeks",
                "minusMonths", "minusYears", "plus", "minus", "isBefore", "isAfter", "isEqual", "getYear",
                "getMonth", "getMonthValue", "getDayOfMonth", "getDayOfWeek", "until", "withDayOfMonth",
                "lengthOfMonth");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static boolean returnsReflection(Class<?> type) {
        String n = type.getName();
        return type == Class.class || type == ClassLoader.class || n.startsWith("java.lang.reflect.")
                || n.startsWith("java.lang.invoke.") || Thread.class.isAssignableFrom(type);
    }

    /** The allow-listed class a fully qualified import names, if any. */
    static Optional<Class<?>> importable(String qualifiedName) {
        for (Class<?> c : JDK.keySet()) {
            if (c.getName().equals(qualifiedName)) {
                return Optional.of(c);
            }
        }
        for (Class<?> c : FINDINGS) {
            if (c.getCanonicalName().equals(qualifiedName)) {
                return Optional.of(c);
            }
        }
        if (qualifiedName.startsWith(MODEL_PACKAGE)) {
            return modelClass(qualifiedName);
        }
        return Optional.empty();
    }

    /**
     * A public class of the fact model, nested classes included ({@code org.shipaudit.model.DimDivisor.SideRounding}).
     * Loading our own model classes is safe: they are compiled with the service, not with the pack.
     */
    private static Optional<Class<?>> modelClass(String qualifiedName) {
        String binary = qualifiedName;
        while (binary.startsWith(MODEL_PACKAGE)) {
            try {
                Class<?> c = Class.forName(binary, false, RuleAllowList.class.getClassLoader());
                return Modifier.isPublic(c.getModifiers()) ? Optional.of(c) : Optional.empty();
            } catch (ClassNotFoundException e) {
                int dot = binary.lastIndexOf('.');
                if (dot < MODEL_PACKAGE.length()) {
                    return Optional.empty();
                }
                binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
            }
        }
        return Optional.empty();
    }

    /** Simple name -> class for the types every rule may name without importing them. */
    static Map<String, Class<?>> implicitTypes() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        IMPLICIT.forEach(c -> m.put(c.getSimpleName(), c));
        return m;
    }

    /** True when {@code type} may be named at all (imports, patterns, constructors, casts, declarations). */
    static boolean allowedType(Class<?> type) {
        return JDK.containsKey(type) || FINDINGS.contains(type) || isModel(type);
    }

    static boolean isModel(Class<?> type) {
        return type.getName().startsWith(MODEL_PACKAGE);
    }

    /** True when a rule may write {@code new T(...)}: model classes, BigDecimal and a sorted copy (TreeSet). */
    static boolean constructible(Class<?> type) {
        return isModel(type) && !type.isEnum() && !type.isInterface() || type == BigDecimal.class
                || type == java.util.TreeSet.class;
    }

    /** True when {@code Type.name(...)} (a static call) or {@code value.name(...)} on a {@code type} is allowed. */
    static boolean allowedMethod(Class<?> type, String name) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (JDK.containsKey(type)) {
            return JDK.get(type).contains(name) || OBJECT_METHODS.contains(name);
        }
        if (FINDINGS.contains(type) || isModel(type)) {
            return PUBLIC_METHODS.get(type).contains(name);
        }
        return false;
    }

    /**
     * True when {@code Type.NAME} is allowed: a public static field whose own type is a primitive or allow-listed,
     * such as {@code BigDecimal.ZERO}, {@code RoundingMode.HALF_UP} or an enum constant of the model.
     */
    static boolean allowedStaticField(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            Class<?> t = f.getType();
            return Modifier.isStatic(f.getModifiers()) && (t.isPrimitive() || allowedType(t));
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /**
     * Names that change their receiver on some type a rule can reach (a fact's list or map, a bean's setter). A call
     * whose receiver's type the check cannot know may not use one of them, whatever the receiver really is.
     */
    private static final Set<String> MUTATORS = Set.of("add", "addAll", "addFirst", "addLast", "remove",
            "removeAll", "removeIf", "removeFirst", "removeLast", "retainAll", "clear", "put", "putAll",
            "putIfAbsent", "replace", "replaceAll", "sort", "set", "compute", "computeIfAbsent", "computeIfPresent",
            "merge", "push", "pop", "poll", "pollFirst", "pollLast", "offer", "offerFirst", "offerLast",
            "descendingIterator", "iterator", "listIterator", "subList", "headSet", "tailSet", "subSet", "entrySet");

    /** True when {@code name} may change its receiver on some type: a listed mutator or a bean setter. */
    static boolean mutator(String name) {
        return MUTATORS.contains(name) || name.length() > 3 && name.startsWith("set")
                && Character.isUpperCase(name.charAt(3));
    }

    /**
     * True when {@code value.name(...)} is allowed on a receiver whose static type is {@code type}: the type's own
     * list, or the list of an allow-listed type it implements ({@code ArrayList} is checked as a {@code List}).
     */
    static boolean allowedOn(Class<?> type, String name) {
        Class<?> t = type.isPrimitive() ? wrapper(type) : type;
        if (NEVER.contains(name) || t == null) {
            return false;
        }
        if (allowedType(t)) {
            return allowedMethod(t, name);
        }
        if (OBJECT_METHODS.contains(name) && !name.equals("compareTo")) {
            return true;
        }
        for (Class<?> k : JDK.keySet()) {
            if (k != Object.class && k.isAssignableFrom(t) && allowedMethod(k, name)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code name} is a public setter of model class {@code type} (allowed on a fact the rule created). */
    static boolean setter(Class<?> type, String name) {
        if (!isModel(type) || !name.startsWith("set") || !mutator(name)) {
            return false;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getReturnType() == void.class) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> wrapper(Class<?> primitive) {
        return Map.<Class<?>, Class<?>>of(int.class, Integer.class, long.class, Long.class, double.class,
                Double.class, float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
                boolean.class, Boolean.class, char.class, Character.class).get(primitive);
    }

    /**
     * The static type {@code type.name(...)} returns, when every public method of that name returns the same class
     * and none returns a type variable ({@code List.get} gives {@code Object} after erasure, which says nothing);
     * null when it cannot be known.
     */
    static Class<?> returnType(Class<?> type, String name) {
        Class<?> found = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name)) {
                continue;
            }
            if (m.getGenericReturnType() instanceof java.lang.reflect.TypeVariable<?>
                    || found != null && found != m.getReturnType()) {
                return null;
            }
            found = m.getReturnType();
        }
        return found == void.class ? null : found;
    }

    /** The static type of property {@code name} of {@code type} ({@code weightLb} -> {@code double}), or null. */
    static Class<?> propertyType(Class<?> type, String name) {
        String reader = PROPERTIES.get(type).get(name);
        if (reader == null) {
            return null;
        }
        try {
            java.lang.reflect.Method m = type.getMethod(reader);
            return m.getGenericReturnType() instanceof java.lang.reflect.TypeVariable<?> ? null : m.getReturnType();
        } catch (NoSuchMethodException e) {
            try {
                return type.getField(reader).getType();
            } catch (NoSuchFieldException e2) {
                return null;
            }
        }
    }

    /**
     * True when an instance method of this name exists on some allow-listed type among {@code types} and changes
     * nothing on any of them: the check for a receiver whose type cannot be known.
     */
    static boolean allowedOnSome(Collection<Class<?>> types, String name) {
        if (NEVER.contains(name) || mutator(name)) {
            return false;
        }
        if (OBJECT_METHODS.contains(name)) {
            return true;
        }
        for (Class<?> t : JDK.keySet()) {
            if (JDK.get(t).contains(name)) {
                return true;
            }
        }
        for (Class<?> t : types) {
            if (allowedMethod(t, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model and findings classes reachable from {@code seeds} through the public methods' return and parameter
     * types: a rule holding a {@code LineItem} may call the methods of the {@code Item} its getter returns.
     */
    static Set<Class<?>> reachable(Collection<Class<?>> seeds) {
        Set<Class<?>> key = Set.copyOf(seeds);
        Set<Class<?>> known = REACHABLE.get(key);
        if (known != null) {
            return known;
        }
        Set<Class<?>> found = Set.copyOf(closure(key));
        // Bounded: packs share a few import sets; a stream of odd candidates must not grow the cache without end.
        if (REACHABLE.size() < 256) {
            REACHABLE.put(key, found);
        }
        return found;
    }

    private static final Map<Set<Class<?>>, Set<Class<?>>> REACHABLE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Property name -> the public no-argument method that reads it ({@code carrier} -> {@code getCarrier}). */
    private static final ClassValue<Map<String, String>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            Map<String, String> props = new java.util.HashMap<>();
            for (Method m : type.getMethods()) {
                String n = m.getName();
                if (m.getParameterCount() != 0 || NEVER.contains(n) || returnsReflection(m.getReturnType())) {
                    continue;
                }
                props.putIfAbsent(n, n);
                for (String prefix : List.of("get", "is")) {
                    if (n.length() > prefix.length() && n.startsWith(prefix)
                            && Character.isUpperCase(n.charAt(prefix.length()))) {
                        String p = n.substring(prefix.length());
                        props.put(Character.toLowerCase(p.charAt(0)) + p.substring(1), n);
                    }
                }
            }
            for (Field f : type.getFields()) {
                props.putIfAbsent(f.getName(), f.getName());
            }
            return Map.copyOf(props);
        }
    };

    /** True when {@code name} is a readable property of an allow-listed {@code type}. */
    static boolean property(Class<?> type, String name) {
        String reader = PROPERTIES.get(type).get(name);
        return reader != null && (reader.equals(name) && !hasMethod(type, name) || allowedMethod(type, reader));
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return PUBLIC_METHODS.get(type).contains(name);
    }

    private static Set<Class<?>> closure(Collection<Class<?>> seeds) {
        Set<Class<?>> seen = new HashSet<>(FINDINGS);
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(seeds);
        todo.addAll(FINDINGS);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!(isModel(c) || FINDINGS.contains(c))) {
                continue;
            }
            seen.add(c);
            for (Method m : c.getMethods()) {
                java.util.List<Class<?>> types = new java.util.ArrayList<>(List.of(m.getParameterTypes()));
                types.add(m.getReturnType());
                for (Class<?> t : types) {
                    Class<?> e = t.isArray() ? t.getComponentType() : t;
                    if ((isModel(e) || FINDINGS.contains(e)) && !seen.contains(e)) {
                        seen.add(e);
                        todo.push(e);
                    }
                }
            }
        }
        return seen;
    }
}
