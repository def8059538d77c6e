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
            "java.awt.", "javax.", "jdk.", "sun.", "com.sun.", "org.shipaudit.http.", "org.shipaudit.cli.",
            "org.shipaudit.store.", "org.shipaudit.config.", "org.shipaudit.jobs.", "org.shipaudit.reference.",
            "org.shipaudit.sheets.", "org.shipaudit.bench.");

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
     * implement. None of them gives a rule a way in: {@code MethodHandles} itself, whose static methods hand out
     * look-ups, stays unloadable, so a rule can see the name but not call it.
     */
    static final Set<String> LINKAGE = Set.of("java.lang.invoke.MethodHandles$Lookup", "java.lang.invoke.MethodType",
            "java.lang.invoke.CallSite", "java.lang.invoke.ConstantCallSite", "java.lang.invoke.MethodHandle",
            "java.lang.invoke.StringConcatFactory", "java.lang.invoke.LambdaMetafactory", "java.io.Serializable");
    /** Visible to the compiler only (never loaded): the outer class of {@code MethodHandles$Lookup}. */
    static final Set<String> COMPILE_ONLY = Set.of("java.lang.invoke.MethodHandles");

    SandboxClassLoader(ClassLoader parent) {
        super("shipaudit-rule-sandbox", parent);
    }

    /** True when rule code may not load {@code className} (binary name, {@code a.b.C$D}). */
    static boolean denied(String className) {
        if (LINKAGE.contains(className)) {
            return false;
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

    private static boolean deniedResource(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        if (!n.endsWith(".class")) {
            // Rules have no business reading resources; Drools asks only for .class files of the types it compiles.
            return n.startsWith("java/") || n.startsWith("jdk/") || n.startsWith("sun/") || n.startsWith("javax/");
        }
        String className = n.substring(0, n.length() - ".class".length()).replace('/', '.');
        return !COMPILE_ONLY.contains(className) && denied(className);
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
        return deniedResource(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return deniedResource(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return deniedResource(name) ? null : super.getResourceAsStream(name);
    }
}
