package org.shipaudit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Cumulative CPU time of something (a process, a set of threads), in nanoseconds; -1 when it cannot be read. */
@FunctionalInterface
public interface CpuMeter {

    long cpuNanos();

    /** Kernel clock ticks per second for /proc/PID/stat; 100 on every mainstream Linux build. */
    long CLOCK_TICKS_PER_SECOND = 100;

    /** This JVM: with an in-process server that is the server and the load generator together. */
    public static CpuMeter thisProcess() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun::getProcessCpuTime;
        }
        return () -> -1;
    }

    /** Another process on this Linux machine, from utime + stime in /proc/PID/stat. */
    static CpuMeter ofPid(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            throw new IllegalArgumentException("cannot read " + stat + ": is " + pid + " a running process here?");
        }
        return () -> {
            try {
                String s = Files.readString(stat);
                // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }

    /** This meter less another (the in-process server: the process less the load generator's threads). */
    default CpuMeter minus(CpuMeter other) {
        return () -> {
            long a = cpuNanos();
            long b = other.cpuNanos();
            return a < 0 || b < 0 ? -1 : a - b;
        };
    }
}
