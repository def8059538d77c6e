package org.shipaudit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The second wall: the class loader a pack is compiled and run against. It neither loads nor shows as a resource
 * (which is how the Java compiler Drools uses finds types) the JDK classes that reach the file system, the network,
 * processes, threads, the clock, reflection or the class loaders, so rule code naming one of them fails to compile
 * even if {@link RuleSandbox} let it through. Drools' own classes are loaded by the service's loader and are not
 * affected; the classes Drools generates for a pack resolve their references through this one.
 */
final class SandboxClassLoader extends ClassLoader {

    /** Packages no rule may reach. */
    static final List<String> DENIED_PACKAGES = List.of("java.io.", "java.nio.", "java.net.", "java.lang.reflect.",
            "java.lang.invoke.", "java.lang.ref.", "java.lang.management.", "java.lang.instrument.",
            "java.lang.module.", "java.util.concurrent.", "java.util.zip.", "java.util.jar.", "java.util.logging.",
            "java.util.prefs.", "java.util.spi.", "java.security.", "java.sql.", "java.rmi.", "java.beans.",
            "java.awt.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Single classes no rule may reach. */
    static final Set<String> DENIED_CLASSES = Set.of("java.lang.Runtime", "java.lang.ProcessBuilder",
            "java.lang.Process", "java.lang.ProcessHandle", "java.lang.System", "java.lang.Thread",
            "java.lang.ThreadGroup", "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal",
            "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker",
            "java.lang.SecurityManager", "java.lang.Shutdown", "java.lang.ClassValue", "java.lang.Compiler",
            "java.util.Formatter", "java.util.Scanner", "java.util.Timer", "java.util.TimerTask",
            "java.util.ServiceLoader", "java.util.Properties", "java.util.ResourceBundle", "java.time.Clock",
            "java.time.InstantSource", "java.util.Random", "java.lang.Math$RandomNumberGeneratorHolder");

    /**
     * Classes inside denied packages that generated code needs: the types the JVM resolves to link a string
     * concatenation ({@code invokedynamic} to StringConcatFactory), which the Java compiler also needs to see because
     * compiled classes name {@code MethodHandles$Lookup} as an inner class, and the marker interface declared types
     * implement. None of them gives a rule a way in: the only way to a {@code Lookup} is {@code MethodHandles}, which
     * the compiler sees as {@link #METHOD_HANDLES_STUB} only.
     */
    static final Set<String> LINKAGE = Set.of("java.lang.invoke.MethodHandles$Lookup", "java.lang.invoke.MethodType",
            "java.lang.invoke.CallSite", "java.lang.invoke.ConstantCallSite", "java.lang.invoke.MethodHandle",
            "java.lang.invoke.StringConcatFactory", "java.lang.invoke.LambdaMetafactory", "java.io.Serializable",
            // Named in the signatures of BigDecimal's and declared types' serialisation methods, which the compiler
            // reads with those classes; interfaces and an exception, useless without a stream, which stays hidden.
            "java.io.IOException", "java.io.Externalizable", "java.io.ObjectInput", "java.io.ObjectOutput",
            "java.io.DataInput", "java.io.DataOutput");
    private static final String METHOD_HANDLES = "java/lang/invoke/MethodHandles.class";
    /**
     * What the compiler sees for {@code java.lang.invoke.MethodHandles}: a class with no methods that only declares
     * its nested {@code Lookup}. The compiler needs the outer class to read the inner-class entries every class with a
     * lambda carries; a rule calling {@code MethodHandles.publicLookup()} then fails to compile.
     */
    static final byte[] METHOD_HANDLES_STUB = methodHandlesStub();
    private static final URL STUB_URL = stubUrl();

    SandboxClassLoader(ClassLoader parent) {
        super("shipaudit-rule-sandbox", parent);
    }

    /** True when rule code may not load {@code className} (binary name, {@code a.b.C$D}). */
    static boolean denied(String className) {
        if (LINKAGE.contains(className)) {
            return false;
        }
        if (className.startsWith("org.shipaudit.")) {
            return !ownClassAllowed(className);
        }
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        if (DENIED_CLASSES.contains(className) || DENIED_CLASSES.contains(outer)) {
            return true;
        }
        for (String p : DENIED_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of the service's own classes rules see the fact model, the findings and {@link Findings}, plus the classes
     * Drools generates for a pack (in {@code org.shipaudit.rules.<pack>}); never the store, the keys, the server or
     * the rest of the rule engine's plumbing.
     */
    private static boolean ownClassAllowed(String className) {
        if (className.startsWith("org.shipaudit.model.") || className.startsWith("org.shipaudit.findings.")) {
            return true;
        }
        if (className.equals(Findings.class.getName()) || className.startsWith(Findings.class.getName() + "$")) {
            return true;
        }
        String rest = className.startsWith("org.shipaudit.rules.") ? className.substring("org.shipaudit.rules.".length())
                : null;
        return rest != null && rest.contains(".") && !Character.isUpperCase(rest.charAt(0));
    }

    private static boolean deniedResource(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        if (!n.endsWith(".class")) {
            // Rules have no business reading resources; Drools asks only for .class files of the types it compiles.
            return n.startsWith("java/") || n.startsWith("jdk/") || n.startsWith("sun/") || n.startsWith("javax/");
        }
        return denied(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (denied(name)) {
            throw new ClassNotFoundException(name + " is not available to rules");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        if (METHOD_HANDLES.equals(name) || ("/" + METHOD_HANDLES).equals(name)) {
            return STUB_URL;
        }
        return deniedResource(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return deniedResource(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (METHOD_HANDLES.equals(name) || ("/" + METHOD_HANDLES).equals(name)) {
            return new java.io.ByteArrayInputStream(METHOD_HANDLES_STUB);
        }
        return deniedResource(name) ? null : super.getResourceAsStream(name);
    }

    private static URL stubUrl() {
        try {
            return new URL(null, "shipaudit-sandbox:" + METHOD_HANDLES, new java.net.URLStreamHandler() {
                @Override
                protected java.net.URLConnection openConnection(URL u) {
                    return new java.net.URLConnection(u) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new java.io.ByteArrayInputStream(METHOD_HANDLES_STUB);
                        }
                    };
                }
            });
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] methodHandlesStub() {
        org.mvel2.asm.ClassWriter w = new org.mvel2.asm.ClassWriter(0);
        int finalPublic = org.mvel2.asm.Opcodes.ACC_PUBLIC | org.mvel2.asm.Opcodes.ACC_FINAL;
        w.visit(org.mvel2.asm.Opcodes.V17, finalPublic | org.mvel2.asm.Opcodes.ACC_SUPER,
                "java/lang/invoke/MethodHandles", null, "java/lang/Object", null);
        w.visitInnerClass("java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandles", "Lookup",
                finalPublic | org.mvel2.asm.Opcodes.ACC_STATIC);
        w.visitEnd();
        return w.toByteArray();
    }
}
