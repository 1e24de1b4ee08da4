package org.jobdeck.core.schedule;

import java.time.Duration;
import java.util.List;

/**
 * A command probe: a program and its arguments, started without a shell; its standard output is
 * the fingerprint.
 *
 * @param argv    the program first, then its arguments; never empty, the program never blank
 * @param timeout how long it may run; null means {@link ChangeProbe#DEFAULT_TIMEOUT}
 */
public record CommandProbe(List<String> argv, Duration timeout) implements ChangeProbe {
    /** @throws ScheduleException (field {@link ScheduleField#CONDITION}) for an empty command */
    public CommandProbe {
        if (argv == null || argv.isEmpty() || argv.get(0) == null || argv.get(0).isBlank()) {
            throw new ScheduleException(ScheduleField.CONDITION,
                    "Invalid condition command: it is empty; give the program, then its arguments");
        }
        for (int i = 1; i < argv.size(); i++) {
            if (argv.get(i) == null) {
                throw new ScheduleException(ScheduleField.CONDITION,
                        "Invalid condition command: argument " + i + " is null");
            }
        }
        argv = List.copyOf(argv);
        timeout = ChangeProbe.checkTimeout(timeout);
    }

    public static CommandProbe of(String... argv) {
        return new CommandProbe(List.of(argv), null);
    }

    @Override
    public String summary() {
        return "command: " + String.join(" ", argv);
    }
}
