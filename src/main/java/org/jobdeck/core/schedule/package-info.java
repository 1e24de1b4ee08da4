/**
 * Schedules (issue 14) as pure values and arithmetic: no clock, no database, no thread. The
 * storage, the scheduler loop, the CLI, REST and the console build on these.
 *
 * <h2>The values</h2>
 * <ul>
 *   <li>{@link org.jobdeck.core.schedule.Schedule}: name, target, cron, zone, misfire policy,
 *       grace period, overlap policy, optional condition, optional pause. Always valid; built with
 *       {@link org.jobdeck.core.schedule.Schedule#builder}, changed with
 *       {@link org.jobdeck.core.schedule.Schedule#toBuilder}.</li>
 *   <li>{@link org.jobdeck.core.schedule.ScheduleName}, {@link org.jobdeck.core.schedule.ScheduleTarget}
 *       ({@code resolve(DependencyResolver)} checks it as an enqueue would),
 *       {@link org.jobdeck.core.schedule.CronExpression}, {@link org.jobdeck.core.schedule.ScheduleZone},
 *       {@link org.jobdeck.core.schedule.MisfirePolicy}, {@link org.jobdeck.core.schedule.OverlapPolicy},
 *       {@link org.jobdeck.core.schedule.ChangeProbe} ({@link org.jobdeck.core.schedule.SqlProbe},
 *       {@link org.jobdeck.core.schedule.CommandProbe}), {@link org.jobdeck.core.schedule.Pause}.</li>
 *   <li>Bad input is a {@link org.jobdeck.core.schedule.ScheduleException}: one line, and the
 *       {@link org.jobdeck.core.schedule.ScheduleField} it belongs to.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * <ul>
 *   <li>{@link org.jobdeck.core.schedule.FireCalendar}: next, previous, between and count of a
 *       cron's fires in a zone, with Jobdeck's DST rule ({@link org.jobdeck.core.schedule.DstAdjustment}).
 *       A fire's instant ({@link org.jobdeck.core.schedule.FireTime#instant()}) is its slot: the key
 *       of its unique fire record.</li>
 *   <li>{@link org.jobdeck.core.schedule.DstNote}: the DST rule in words, for {@code schedule show}.</li>
 *   <li>{@link org.jobdeck.core.schedule.DueSlots}: what to record as missed and what to fire
 *       now, given the last recorded slot and now; bounded after any downtime.</li>
 * </ul>
 *
 * <h2>JSON</h2>
 * {@link org.jobdeck.core.schedule.ScheduleWriter} writes the file form ({@code schedule export},
 * a REST body) and the static parts of a {@code list --json} entry;
 * {@link org.jobdeck.core.schedule.ScheduleReader} reads the file form strictly into a
 * {@link org.jobdeck.core.schedule.ScheduleDocument} with every problem at once.
 */
package org.jobdeck.core.schedule;
