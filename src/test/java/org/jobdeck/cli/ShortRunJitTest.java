package org.jobdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortRunJit} in a JVM of its own (in this one it would slow every later test): it
 * installs a directive that keeps C2 from compiling anything, and leaves a JVM alone whose
 * JIT options the user set.
 */
class ShortRunJitTest {
    /** Applies the settings, then prints whether they were applied and the JVM's directives. */
    public static void main(String[] args) throws Exception {
        System.out.println("applied=" + ShortRunJit.apply());
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }

    private static String run(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShortRunJitTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aShortRunCompilesWithC1Only() throws Exception {
        String output = run();
        assertThat(output).contains("applied=true");
        assertThat(output).as("the directive as HotSpot prints it").containsPattern("(?s)\\*\\.\\*.*c2.*Exclude:true");
    }

    @Test
    void jitOptionsOfTheUsersOwnAreLeftAlone() throws Exception {
        String output = run("-XX:TieredStopAtLevel=4");
        assertThat(output).contains("applied=false");
        assertThat(output).doesNotContain("Exclude:true");
    }
}
