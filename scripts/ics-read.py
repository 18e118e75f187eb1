#!/usr/bin/env python3
"""Independent reader for the calendar tests: expands an .ics from stdin with Python icalendar and
recurring_ical_events, and prints {uid: [[start_ms, end_ms, status], ...]} in UTC as JSON."""
import datetime
import json
import sys

import icalendar
import recurring_ical_events

cal = icalendar.Calendar.from_ical(sys.stdin.read())
if "--alarms" in sys.argv:
    # {uid: [minutes before the start, ...]} of each event's VALARMs (the first VEVENT per UID).
    alarms = {}
    for ev in cal.walk("VEVENT"):
        triggers = [
            int(-a["TRIGGER"].dt.total_seconds() // 60) for a in ev.walk("VALARM")
        ]
        alarms.setdefault(str(ev["UID"]), sorted(triggers, reverse=True))
    json.dump(alarms, sys.stdout)
    sys.exit(0)
start = datetime.datetime(1990, 1, 1, tzinfo=datetime.timezone.utc)
end = datetime.datetime(2100, 1, 1, tzinfo=datetime.timezone.utc)
out = {}
for ev in recurring_ical_events.of(cal).between(start, end):
    s = ev["DTSTART"].dt
    e = ev["DTEND"].dt if "DTEND" in ev else s + ev["DURATION"].dt
    if s.tzinfo is None or e.tzinfo is None:
        sys.exit("floating time in %s" % ev["UID"])
    out.setdefault(str(ev["UID"]), []).append(
        [int(s.timestamp() * 1000), int(e.timestamp() * 1000), str(ev.get("STATUS", ""))]
    )
for v in out.values():
    v.sort()
json.dump(out, sys.stdout)
