package org.jobdeck.ui.enqueue;

/** One row of the plan preview: #, job, group, included as (Member or Dependency), why, wave. */
public record PlanRow(int position, String job, String group, String includedAs, String why, int wave) {
}
