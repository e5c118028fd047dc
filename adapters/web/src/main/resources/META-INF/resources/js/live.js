// Live transitions from `GET /transitions/stream` (SPEC 6.5): Server-Sent Events read with fetch() and a streaming
// reader, since EventSource cannot send the Authorization header. Each message adds (`transition`) or takes away
// (`retraction`) one transition; a pause closes the connection and a resume continues after the last position
// seen (`after`), so nothing is lost or counted twice.
import { authHeaders, problemOf, url } from './api.js';

/** Splits a text/event-stream into messages `{event, data, id}` (the WHATWG rules; comments are dropped). */
export class EventStreamParser {
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = undefined;
  }

  push(text) {
    this.buffer += text;
    // A \r at the end may be the first half of a \r\n the network cut in two: it ends a line only once the
    // next piece shows what follows it.
    const held = this.buffer.endsWith('\r') ? '\r' : '';
    const lines = this.buffer.slice(0, this.buffer.length - held.length).split(/\r\n|\r|\n/);
    // The last piece is a line not yet ended: kept for the next push.
    this.buffer = lines.pop() + held;
    for (const line of lines) {
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length) {
        this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') {
      this.data.push(value);
    } else if (field === 'event') {
      this.event = value;
    } else if (field === 'id') {
      this.id = value;
    }
  }
}

/**
 * A subscription to the stream of one attribute's transitions and entries. `onChange(kind, transition)` gets each
 * message, `onStatus(text, problem?)` how the connection is. Reconnects after a drop, resuming after the last
 * position; a refusal (401, 410, ...) stops it with the API's problem.
 */
export class LiveTransitions {
  constructor(attribute, onChange, onStatus) {
    this.attribute = attribute;
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.position = undefined;
    this.abort = undefined;   // set while connected or connecting
    this.retry = undefined;   // a reconnection waiting to start
  }

  get running() {
    return this.abort !== undefined;
  }

  start() {
    if (this.running) {
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.read(abort.signal).catch(error => {
      if (abort.signal.aborted) {
        return;
      }
      this.abort = undefined;
      if (error.problem) {
        this.onStatus('stopped', error);
      } else {
        this.onStatus('reconnecting');
        this.retry = setTimeout(() => this.start(), 2000);
      }
    });
  }

  stop() {
    clearTimeout(this.retry);
    this.abort?.abort();
    this.abort = undefined;
    this.onStatus('paused');
  }

  async read(signal) {
    const response = await fetch(url('/transitions/stream',
      { attribute: this.attribute, entries: true, after: this.position }),
    { headers: { Accept: 'text/event-stream', ...authHeaders() }, signal });
    if (!response.ok) {
      throw await problemOf(response);
    }
    this.onStatus('live');
    const parser = new EventStreamParser(message => this.message(message));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        throw new Error('the stream ended');
      }
      parser.push(value);
    }
  }

  message({ event, data, id }) {
    if (id !== undefined) {
      this.position = id;
    }
    if (event === 'transition' || event === 'retraction') {
      this.onChange(event, JSON.parse(data));
    }
  }
}
