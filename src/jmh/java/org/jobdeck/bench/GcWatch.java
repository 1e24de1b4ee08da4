package org.jobdeck.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/** Garbage-collection pauses while it listens: a stall of every thread, FX included. */
final class GcWatch implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long millis = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                    .getGcInfo().getDuration();
            record(millis);
        }
    };
    private long count;
    private long totalMillis;
    private long maxMillis;

    GcWatch() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private synchronized void record(long millis) {
        count++;
        totalMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
    }

    /** [collections, total ms, longest ms] since the last call. */
    synchronized long[] take() {
        long[] result = {count, totalMillis, maxMillis};
        count = 0;
        totalMillis = 0;
        maxMillis = 0;
        return result;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
