"""Fresh code written for the reference benchmark: none of it is copied from anywhere.

The benchmark reports any reference found for these snippets as a false match.
"""

FRESH_SNIPPETS = [
'''
def tally_votes(ballots, quorum):
    counts = {}
    for ballot in ballots:
        choice = ballot.get("choice")
        if choice is None or ballot.get("spoiled"):
            continue
        counts[choice] = counts.get(choice, 0) + ballot.get("weight", 1)
    total = sum(counts.values())
    if total < quorum:
        raise ValueError(f"only {total} valid votes, need {quorum}")
    winner = max(counts, key=lambda c: (counts[c], c))
    return winner, counts[winner] / total
''',
'''
class GreenhouseSensor:
    def __init__(self, zone, humidity_floor=0.35, humidity_ceiling=0.8):
        self.zone = zone
        self.floor = humidity_floor
        self.ceiling = humidity_ceiling
        self.readings = []

    def record(self, humidity, celsius):
        self.readings.append((humidity, celsius))
        if humidity < self.floor:
            return "open misters in " + self.zone
        if humidity > self.ceiling and celsius > 24:
            return "open roof vents in " + self.zone
        return None
''',
'''
def split_invoice_lines(raw_text):
    items = []
    for row_number, row in enumerate(raw_text.splitlines(), start=1):
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        sku, qty, unit_price = [part.strip() for part in row.split(";")]
        try:
            qty_value = int(qty)
            price_cents = round(float(unit_price) * 100)
        except ValueError as err:
            raise ValueError(f"row {row_number}: {err}") from err
        items.append({"sku": sku, "qty": qty_value, "cents": price_cents})
    return items
''',
'''
def rotate_roster(volunteers, shifts_per_week, weeks):
    schedule = []
    pointer = 0
    for week in range(weeks):
        assigned = []
        for slot in range(shifts_per_week):
            person = volunteers[pointer % len(volunteers)]
            while person in assigned and len(assigned) < len(volunteers):
                pointer += 1
                person = volunteers[pointer % len(volunteers)]
            assigned.append(person)
            pointer += 1
        schedule.append((week + 1, assigned))
    return schedule
''',
'''
async def poll_kiln_temperature(probe, target, on_ready, interval=2.5):
    stable_reads = 0
    while stable_reads < 5:
        reading = await probe.read_celsius()
        if abs(reading - target) <= 3:
            stable_reads += 1
        else:
            stable_reads = 0
        await asyncio.sleep(interval)
    await on_ready(target, reading)
    return reading
''',
'''
def merge_tide_tables(primary, secondary, tolerance_minutes=12):
    merged = sorted(primary, key=lambda entry: entry["when"])
    for extra in secondary:
        close = [e for e in merged if abs((e["when"] - extra["when"]).total_seconds()) < tolerance_minutes * 60]
        if close:
            close[0]["height"] = (close[0]["height"] + extra["height"]) / 2
        else:
            merged.append(dict(extra))
    merged.sort(key=lambda entry: entry["when"])
    return merged
''',
'''
class BeehiveLedger:
    def __init__(self):
        self.frames_by_hive = defaultdict(list)

    def add_inspection(self, hive_id, frame_count, queen_seen, notes=""):
        self.frames_by_hive[hive_id].append(
            {"frames": frame_count, "queen": queen_seen, "notes": notes.strip()}
        )

    def hives_needing_attention(self):
        flagged = []
        for hive_id, visits in self.frames_by_hive.items():
            recent = visits[-3:]
            if not any(v["queen"] for v in recent) or recent[-1]["frames"] < 4:
                flagged.append(hive_id)
        return sorted(flagged)
''',
'''
def encode_trail_marker(lat, lon, elevation_m):
    lat_bucket = int((lat + 90.0) * 1000)
    lon_bucket = int((lon + 180.0) * 1000)
    packed = (lat_bucket << 40) | (lon_bucket << 12) | min(max(int(elevation_m / 2), 0), 4095)
    alphabet = "23456789CFGHJMPQRVWX"
    out = []
    while packed:
        packed, digit = divmod(packed, len(alphabet))
        out.append(alphabet[digit])
    return "".join(reversed(out)) or alphabet[0]
''',
'''
def grade_essay_lengths(essays, minimum_words=250, maximum_words=900):
    report = []
    for student, essay in essays.items():
        word_total = len([w for w in essay.split() if any(ch.isalpha() for ch in w)])
        if word_total < minimum_words:
            verdict = "too short by %d" % (minimum_words - word_total)
        elif word_total > maximum_words:
            verdict = "too long by %d" % (word_total - maximum_words)
        else:
            verdict = "ok"
        report.append((student, word_total, verdict))
    report.sort(key=lambda row: (row[2] != "ok", row[0]))
    return report
''',
'''
def plan_ferry_crossings(cars, deck_length_m, gap_m=0.6):
    crossings = [[]]
    used = 0.0
    for plate, length in sorted(cars, key=lambda car: -car[1]):
        needed = length + (gap_m if crossings[-1] else 0.0)
        if used + needed > deck_length_m:
            crossings.append([])
            used = 0.0
            needed = length
        crossings[-1].append(plate)
        used += needed
    return [trip for trip in crossings if trip]
''',
'''
class SourdoughStarter:
    FEED_RATIO = (1, 1, 1)

    def __init__(self, grams, hydration=1.0):
        self.grams = grams
        self.hydration = hydration
        self.feedings = 0

    def feed(self, flour_grams):
        water_grams = flour_grams * self.hydration
        discard = max(self.grams - flour_grams, 0)
        self.grams = self.grams - discard + flour_grams + water_grams
        self.feedings += 1
        return discard

    def ready_to_bake(self, hours_since_feed):
        return self.feedings >= 3 and 4 <= hours_since_feed <= 8
''',
'''
def checksum_library_card(number_text):
    digits = [int(c) for c in number_text if c.isdigit()]
    if len(digits) != 11:
        return False
    weights = [3, 7, 1] * 4
    running = 0
    for position, digit in enumerate(digits[:-1]):
        running += digit * weights[position]
    expected = (10 - running % 10) % 10
    return expected == digits[-1]
''',
'''
def bucket_rainfall(samples, bucket_hours=6):
    buckets = {}
    for stamp, millimetres in samples:
        key = stamp.replace(minute=0, second=0, microsecond=0)
        key = key.replace(hour=key.hour - key.hour % bucket_hours)
        buckets.setdefault(key, []).append(millimetres)
    summary = []
    for key in sorted(buckets):
        values = buckets[key]
        summary.append({"start": key, "total": round(sum(values), 1), "peak": max(values)})
    return summary
''',
'''
def choose_paint_cans(wall_areas_m2, coverage_per_litre=11, coats=2, can_sizes=(5, 2.5, 1)):
    litres = sum(wall_areas_m2) * coats / coverage_per_litre
    chosen = []
    remaining = litres
    for size in can_sizes:
        count = int(remaining // size)
        if count:
            chosen.append((size, count))
            remaining -= count * size
    if remaining > 0:
        chosen.append((can_sizes[-1], 1))
    return chosen, round(litres, 2)
''',
'''
class ParkingMeterClock:
    def __init__(self, free_minutes, rate_per_hour):
        self.free_minutes = free_minutes
        self.rate_per_hour = rate_per_hour
        self.sessions = {}

    def arrive(self, plate, minute_of_day):
        self.sessions[plate] = minute_of_day

    def leave(self, plate, minute_of_day):
        start = self.sessions.pop(plate)
        billable = max(0, minute_of_day - start - self.free_minutes)
        hours = -(-billable // 60)
        return hours * self.rate_per_hour
''',
'''
def score_crossword_fill(grid, dictionary):
    rows = ["".join(r) for r in grid]
    cols = ["".join(c) for c in zip(*grid)]
    found, unknown = 0, []
    for line in rows + cols:
        for chunk in line.split("#"):
            if len(chunk) < 3:
                continue
            if chunk.lower() in dictionary:
                found += 1
            else:
                unknown.append(chunk)
    return found, unknown
''',
'''
def compress_run_of_pixels(row):
    if not row:
        return []
    encoded = []
    colour, length = row[0], 1
    for pixel in row[1:]:
        if pixel == colour and length < 255:
            length += 1
            continue
        encoded.append((length, colour))
        colour, length = pixel, 1
    encoded.append((length, colour))
    return encoded
''',
'''
def allocate_garden_plots(applicants, plots, seniority):
    ranked = sorted(applicants, key=lambda name: (-seniority.get(name, 0), name))
    assignment = {}
    free = list(plots)
    for name in ranked:
        if not free:
            break
        wants_shade = name.endswith("*")
        pick = next((p for p in free if p.startswith("S") == wants_shade), free[0])
        free.remove(pick)
        assignment[name.rstrip("*")] = pick
    waiting = [n for n in ranked if n.rstrip("*") not in assignment]
    return assignment, waiting
''',
'''
def describe_chess_clock(white_ms, black_ms, increment_ms, to_move):
    def fmt(ms):
        minutes, rest = divmod(max(ms, 0) // 1000, 60)
        return f"{minutes:02d}:{rest:02d}"
    flag = None
    if white_ms <= 0:
        flag = "white flagged"
    elif black_ms <= 0:
        flag = "black flagged"
    line = f"W {fmt(white_ms)} | B {fmt(black_ms)} (+{increment_ms // 1000}s)"
    marker = "<" if to_move == "white" else ">"
    return (line + " " + marker) if flag is None else (line + " " + flag)
''',
'''
class LanternFestivalQueue:
    def __init__(self, capacity):
        self.capacity = capacity
        self.boats = deque()
        self.launched = 0

    def board(self, family, lanterns):
        if sum(l for _, l in self.boats) + lanterns > self.capacity:
            return False
        self.boats.append((family, lanterns))
        return True

    def launch_next(self):
        family, lanterns = self.boats.popleft()
        self.launched += lanterns
        return f"{family} released {lanterns} lanterns ({self.launched} tonight)"
''',
'''
def estimate_bread_proof_time(room_celsius, starter_percent, whole_grain=False):
    base_hours = 5.0 if not whole_grain else 4.2
    temp_factor = 2 ** ((24 - room_celsius) / 8)
    starter_factor = 20 / max(starter_percent, 5)
    hours = base_hours * temp_factor * starter_factor ** 0.5
    if hours > 14:
        return "retard in fridge overnight", round(hours, 1)
    if hours < 2:
        return "watch closely", round(hours, 1)
    return "normal bulk", round(hours, 1)
''',
'''
def match_socks(drawer):
    unmatched = {}
    pairs = []
    for sock in drawer:
        key = (sock["colour"], sock["size"], sock.get("pattern", "plain"))
        if key in unmatched:
            pairs.append((unmatched.pop(key)["id"], sock["id"]))
        else:
            unmatched[key] = sock
    lonely = sorted(s["id"] for s in unmatched.values())
    return pairs, lonely
''',
]
