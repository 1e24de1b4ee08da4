package org.jobdeck.api;

import java.util.List;

/** {@code {"fires":[FireView…]}}, newest first: {@code schedule history --json} and REST. */
public record FireList(List<FireView> fires) {
    public FireList {
        fires = List.copyOf(fires);
    }
}
