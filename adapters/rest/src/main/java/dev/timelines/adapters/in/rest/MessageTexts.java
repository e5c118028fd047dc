package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Message;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each message as Server-Sent Events text, written once for all the clients that send it: the clients of one
 * selection send the same messages at the same positions (the steps they share), and writing the JSON of a
 * transition for each client was most of what a busy stream cost. The text is a function of the message, so equal
 * messages share it. Bounded: emptied when it holds {@value #HELD} texts, a text written again costing only that.
 */
final class MessageTexts {

    /** Clients close to each other ask for the same messages within a few steps: more than those steps hold. */
    private static final int HELD = 16_384;

    private final ObjectMapper mapper;
    private final Map<Message, String> texts = new ConcurrentHashMap<>();

    MessageTexts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The message's lines and the blank line that ends it; the data is compact JSON, which holds no line break. */
    String of(Message message) {
        String text = texts.get(message);
        if (text == null) {
            if (texts.size() >= HELD) {
                texts.clear();
            }
            text = written(message);
            texts.put(message, text);
        }
        return text;
    }

    private String written(Message message) {
        TransitionChange change = message.change();
        try {
            return "id:" + message.position()
                    + "\nevent:" + change.kind().name().toLowerCase(Locale.ROOT)
                    + "\ndata:" + mapper.writeValueAsString(Replies.TransitionItem.of(change.transition()))
                    + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
