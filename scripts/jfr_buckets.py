#!/usr/bin/env python3
"""Summarises an ingest recording of scripts/profile-ingest.sh (docs/benchmarks.md, "Ingest: where the service's
CPU and heap go"): the share of CPU samples per step of the write path, each sample counted in the first step
whose frames it holds (steps in the order below), with the hottest frames of each; and the allocated bytes by
class and by the first frame of the application.

    python3 scripts/jfr_buckets.py /tmp/prof/ingest.jfr
"""
import collections
import json
import subprocess
import sys

# A sample's step: the first whose marker occurs in one of its frames ("Class.method" or a package path).
STEPS = [
    ('JSON parse (JsonValueReader, Jackson)', ['JsonValueReader.read', 'JsonValueReader.readWhole']),
    ('admit: ids, seqs, timeline lookup', ['InMemoryEventStore.admit']),
    ('journal: frames encoded', ['EventCodec.events']),
    ('journal: write and fsync', ['RecordLog.', 'SegmentWriter.']),
    ('publish: attribute index kept current', ['AttributeIndexes.inserted']),
    ('publish: data encoded (DataCodec)', ['DataCodec.write']),
    ('publish: attribute names counted', ['AttributeNames.add']),
    ('publish: event inserted in its timeline', ['StoredTimeline.insert']),
    ('publish: timeline lookup', ['Timelines.getOrCreate', 'Timelines.becameVisible']),
    ('publish: the rest', ['InMemoryEventStore.publish']),
    ('NDJSON lines split and UTF-8 decoded', ['EventBodyReader.decode', 'NdjsonLines']),
    ('event read from its JSON (EventReader, limits)', ['EventReader.', 'EventIngestion.', 'LocatedJson', 'JsonSize']),
    ('NDJSON line loop, the rest', ['EventBodyReader.readLines']),
    ('application use case', ['dev/timelines/application']),
    ('HTTP (Vert.x, RESTEasy Reactive, Netty)', ['vertx', 'resteasy', 'netty']),
]


def events(recording, kind):
    printed = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', kind, recording],
                             capture_output=True, text=True, check=True).stdout
    return json.loads(printed)['recording']['events']


def frame_name(frame):
    method = frame['method']
    return method['type']['name'] + '.' + method['name']


def short(name):
    return name.split('/')[-1]


def main(recording):
    samples = [e for e in events(recording, 'jdk.ExecutionSample') if e['values']['stackTrace']]
    per_step = collections.Counter()
    hottest = collections.defaultdict(collections.Counter)
    for sample in samples:
        names = [frame_name(f) for f in sample['values']['stackTrace']['frames']]
        step = next((label for label, markers in STEPS
                     if any(marker in name for marker in markers for name in names)), 'other (start, JFR, timers)')
        per_step[step] += 1
        hottest[step][short(names[0])] += 1
    print(f'{len(samples)} CPU samples')
    for step, count in per_step.most_common():
        top = ', '.join(f'{name} {n}' for name, n in hottest[step].most_common(4))
        print(f'{100 * count / len(samples):5.1f}%  {step}  [{top}]')

    allocations = events(recording, 'jdk.ObjectAllocationSample')
    total = sum(a['values']['weight'] for a in allocations)
    by_class = collections.Counter()
    by_site = collections.Counter()
    for allocation in allocations:
        weight = allocation['values']['weight']
        by_class[short(allocation['values']['objectClass']['name'])] += weight
        frames = (allocation['values']['stackTrace'] or {'frames': []})['frames']
        site = next((short(frame_name(f)) for f in frames
                     if f['method']['type']['name'].startswith('dev/timelines')), 'outside the application')
        by_site[site] += weight
    print(f'\nallocated (sampled estimate): {total / 1e6:,.0f} MB')
    for name, weight in by_class.most_common(12):
        print(f'{100 * weight / total:5.1f}%  {name}')
    print('by the first application frame:')
    for name, weight in by_site.most_common(15):
        print(f'{100 * weight / total:5.1f}%  {name}')


if __name__ == '__main__':
    main(sys.argv[1])
