package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a schedule's only-if-changed probe gives now: its fingerprint, or why it failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeView(String fingerprint, String error) {
}
