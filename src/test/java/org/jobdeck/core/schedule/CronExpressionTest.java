package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0 25 * * *          | Invalid cron "0 25 * * *": hour 25 is out of range 0-23
            60 * * * *          | Invalid cron "60 * * * *": minute 60 is out of range 0-59
            0 0 0 * *           | Invalid cron "0 0 0 * *": day-of-month 0 is out of range 1-31
            0 0 * 13 *          | Invalid cron "0 0 * 13 *": month 13 is out of range 1-12
            0 0 * * 8           | Invalid cron "0 0 * * 8": day-of-week 8 is out of range 0-7
            60 * * * * *        | Invalid cron "60 * * * * *": second 60 is out of range 0-59
            x * * * *           | Invalid cron "x * * * *": minute "x" is not a number from 0 to 59
            0 0 * foo *         | Invalid cron "0 0 * foo *": month "foo" is not a month: use 1-12 or jan-dec
            0 0 * * xyz         | Invalid cron "0 0 * * xyz": day-of-week "xyz" is not a day of the week: use 0-7 or sun-sat
            */0 * * * *         | Invalid cron "*/0 * * * *": minute step in "*/0" must be at least 1
            */x * * * *         | Invalid cron "*/x * * * *": minute step in "*/x" is not a number
            */5/2 * * * *       | Invalid cron "*/5/2 * * * *": minute "*/5/2" is not valid: write *, N or N-M, each with an optional /STEP
            1,,2 * * * *        | Invalid cron "1,,2 * * * *": minute "1,,2" has an empty item
            0 22-2 * * *        | Invalid cron "0 22-2 * * *": hour range 22-2 runs backwards; write it as two ranges: 22-23,0-2
            0 0 * * fri-mon     | Invalid cron "0 0 * * fri-mon": day-of-week range fri-mon runs backwards; write it as two ranges: 5-7,0-1
            0 0 L * *           | Invalid cron "0 0 L * *": day-of-month "L": L, W, # and ? are Quartz syntax, not Unix cron
            0 0 1W * *          | Invalid cron "0 0 1W * *": day-of-month "1W": L, W, # and ? are Quartz syntax, not Unix cron
            0 0 ? * 1           | Invalid cron "0 0 ? * 1": day-of-month "?": L, W, # and ? are Quartz syntax, not Unix cron
            0 0 * * 1#2         | Invalid cron "0 0 * * 1#2": day-of-week "1#2": L, W, # and ? are Quartz syntax, not Unix cron
            0 0 * *             | Invalid cron "0 0 * *": it has 4 fields; write 5 (minute hour day-of-month month day-of-week) or 6 (a second first)
            0 0 0 * * * *       | Invalid cron "0 0 0 * * * *": it has 7 fields; write 5 (minute hour day-of-month month day-of-week) or 6 (a second first)
            @reboot             | Invalid cron "@reboot": unknown macro @reboot; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly
            @daily now          | Invalid cron "@daily now": a macro such as @daily stands alone
            0 0 30 2 *          | Invalid cron "0 0 30 2 *": it never fires: day-of-month 30 never occurs in February
            0 0 31 4,6 *        | Invalid cron "0 0 31 4,6 *": it never fires: day-of-month 31 never occurs in April, June
            99999999999 * * * * | Invalid cron "99999999999 * * * *": minute 99999999999 is out of range 0-59
            ٣ * * * *           | Invalid cron "٣ * * * *": minute "٣" is not a number from 0 to 59
            """)
    void everyParseErrorIsOneLineNamingItsField(String text, String message) {
        assertThatThrownBy(() -> CronExpression.parse(text))
                .isInstanceOf(ScheduleException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.CRON));
    }

    @Test
    void anEmptyExpressionSaysWhatToWrite() {
        for (String empty : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> CronExpression.parse(empty)).hasMessage("Invalid cron \"\": it is empty; write"
                    + " 5 fields (minute hour day-of-month month day-of-week), 6 with a second first,"
                    + " or a macro such as @daily");
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @yearly   | 0 0 1 1 *
            @annually | 0 0 1 1 *
            @monthly  | 0 0 1 * *
            @weekly   | 0 0 * * 0
            @daily    | 0 0 * * *
            @midnight | 0 0 * * *
            @hourly   | 0 * * * *
            @Daily    | 0 0 * * *
            """)
    void macrosSelectTheSameSlotsAsTheirFields(String macro, String fields) {
        CronExpression expanded = CronExpression.parse(fields);
        CronExpression named = CronExpression.parse(macro);
        assertThat(slots(named, LocalDateTime.of(2027, 1, 1, 0, 0), 40))
                .isEqualTo(slots(expanded, LocalDateTime.of(2027, 1, 1, 0, 0), 40));
        assertThat(named.text()).isEqualTo(macro);
        assertThat(named).isNotEqualTo(expanded);
    }

    @Test
    void describesItselfInEnglish() {
        assertThat(CronExpression.parse("0 3 * * *").description()).isEqualTo("at 03:00");
        assertThat(CronExpression.parse("*/15 * * * *").description()).isEqualTo("every 15 minutes");
        assertThat(CronExpression.parse("*/10 * * * * *").description()).isEqualTo("every 10 seconds");
        assertThat(CronExpression.parse("0 0 * * mon-fri").description())
                .isEqualTo("at 00:00 every day between Monday and Friday");
        assertThat(CronExpression.parse("5/15 * * * *").description()).isEqualTo("at 5, 20, 35 and 50 minutes");
        assertThat(CronExpression.parse("0 0 13 * 5").description())
                .endsWith("(either the day of the month or the day of the week matches)");
        assertThat(CronExpression.parse("0 0 */2 * 1").description())
                .endsWith("(both the day of the month and the day of the week must match)");
    }

    @Test
    void blanksAreNormalisedAndTheTextIsKept() {
        CronExpression cron = CronExpression.parse("  0\t3  * * * ");
        assertThat(cron.text()).isEqualTo("0 3 * * *");
        assertThat(cron).isEqualTo(CronExpression.parse("0 3 * * *")).hasSameHashCodeAs(CronExpression.parse("0 3 * * *"));
        assertThat(cron.hasSeconds()).isFalse();
        assertThat(CronExpression.parse("0 0 3 * * *").hasSeconds()).isTrue();
    }

    @Test
    void bothDayFieldsRestrictedFireOnEitherAsVixieCronDoes() {
        // 0 0 13 * 5: every 13th and every Friday.
        List<LocalDateTime> fires = slots(CronExpression.parse("0 0 13 * 5"), LocalDateTime.of(2027, 1, 1, 0, 0), 6);
        assertThat(fires).extracting(LocalDateTime::toLocalDate).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 13),
                LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 22), LocalDate.of(2027, 1, 29));
    }

    @Test
    void aDayFieldStartingWithStarMakesBothMatchAsVixieCronDoes() {
        // Day-of-month */2 starts with '*': Mondays that are odd days of the month, not either.
        List<LocalDateTime> fires = slots(CronExpression.parse("0 0 */2 * 1"), LocalDateTime.of(2027, 1, 1, 0, 0), 5);
        assertThat(fires).allSatisfy(t -> {
            assertThat(t.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(t.getDayOfMonth() % 2).isEqualTo(1);
        });
        assertThat(fires.get(0).toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        // Only day-of-week restricted: just Mondays.
        assertThat(slots(CronExpression.parse("0 0 * * 1"), LocalDateTime.of(2027, 1, 1, 0, 0), 3))
                .extracting(LocalDateTime::getDayOfMonth).containsExactly(4, 11, 18);
    }

    @Test
    void sundayIsZeroOrSevenAndNamesAreAccepted() {
        LocalDateTime from = LocalDateTime.of(2027, 1, 1, 0, 0);
        List<LocalDateTime> sundays = slots(CronExpression.parse("0 0 * * 0"), from, 4);
        assertThat(slots(CronExpression.parse("0 0 * * 7"), from, 4)).isEqualTo(sundays);
        assertThat(slots(CronExpression.parse("0 0 * * SUN"), from, 4)).isEqualTo(sundays);
        assertThat(slots(CronExpression.parse("0 0 * * 5-7"), from, 3)).extracting(LocalDateTime::getDayOfWeek)
                .containsExactly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(slots(CronExpression.parse("0 0 1 jan,Jul *"), from, 2)).extracting(LocalDateTime::getMonthValue)
                .containsExactly(1, 7);
    }

    @Test
    void february29FiresOnlyInLeapYears() {
        List<LocalDateTime> fires = slots(CronExpression.parse("0 12 29 2 *"), LocalDateTime.of(2027, 1, 1, 0, 0), 2);
        assertThat(fires).containsExactly(LocalDateTime.of(2028, 2, 29, 12, 0), LocalDateTime.of(2032, 2, 29, 12, 0));
        // The Gregorian exception: 2100 is not a leap year, so the slot after 2096 is in 2104.
        assertThat(slots(CronExpression.parse("0 0 29 2 *"), LocalDateTime.of(2096, 3, 1, 0, 0), 1))
                .containsExactly(LocalDateTime.of(2104, 2, 29, 0, 0));
        // Last-of-month days skip the months that lack them.
        assertThat(slots(CronExpression.parse("0 0 31 * *"), LocalDateTime.of(2027, 1, 1, 0, 0), 4))
                .extracting(LocalDateTime::getMonthValue).containsExactly(1, 3, 5, 7);
    }

    @Test
    void sixFieldsPutSecondsFirst() {
        List<LocalDateTime> fires = slots(CronExpression.parse("*/20 30 2 * * *"), LocalDateTime.of(2027, 1, 1, 0, 0), 4);
        assertThat(fires).containsExactly(LocalDateTime.of(2027, 1, 1, 2, 30, 0), LocalDateTime.of(2027, 1, 1, 2, 30, 20),
                LocalDateTime.of(2027, 1, 1, 2, 30, 40), LocalDateTime.of(2027, 1, 2, 2, 30, 0));
        assertThat(CronExpression.parse("0 30 2 * * *").matches(LocalDateTime.of(2027, 1, 1, 2, 30, 0))).isTrue();
        assertThat(CronExpression.parse("0 30 2 * * *").matches(LocalDateTime.of(2027, 1, 1, 2, 30, 1))).isFalse();
    }

    @Test
    void aStepAfterASingleValueRunsToTheEndOfTheField() {
        assertThat(slots(CronExpression.parse("50/5 * * * *"), LocalDateTime.of(2027, 1, 1, 0, 0), 3))
                .extracting(LocalDateTime::getMinute).containsExactly(50, 55, 50);
    }

    @Test
    void lastBeforeWalksBackAcrossMonthsAndYears() {
        CronMatcher matcher = CronExpression.parse("0 12 29 2 *").matcher();
        assertThat(matcher.lastBefore(LocalDateTime.of(2032, 2, 29, 12, 0))).isEqualTo(LocalDateTime.of(2028, 2, 29, 12, 0));
        assertThat(matcher.lastBefore(LocalDateTime.of(2032, 2, 29, 12, 0, 0, 1))).isEqualTo(LocalDateTime.of(2032, 2, 29, 12, 0));
    }

    static List<LocalDateTime> slots(CronExpression cron, LocalDateTime from, int count) {
        List<LocalDateTime> slots = new ArrayList<>();
        LocalDateTime cursor = from;
        for (int i = 0; i < count; i++) {
            LocalDateTime slot = cron.matcher().firstAtOrAfter(cursor);
            slots.add(slot);
            cursor = slot.plusSeconds(1);
        }
        return slots;
    }
}
