package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GatedStorage passes every method of the storage ports on, the defaults of {@link IndexedAnswers} included: a fast
 * path it left to its default would be declined whatever the storage offers.
 */
class GatedStorageTest {

    @Test
    void everyPortMethodIsPassedOn() throws NoSuchMethodException {
        for (Class<?> port : List.of(EventLog.class, TimelineReader.class, StoreScans.class, IndexedAnswers.class,
                StoreHistory.class, OtherParts.class)) {
            for (Method method : port.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Method implementation = GatedStorage.class.getMethod(method.getName(), method.getParameterTypes());
                assertEquals(GatedStorage.class, implementation.getDeclaringClass(),
                        port.getSimpleName() + "." + method.getName() + " is not passed on");
            }
        }
    }
}
