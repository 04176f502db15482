//! Calendar dates at the precision the sources give them, in the story's own calendar.
//!
//! Nothing here reads a clock or the machine's time zone: a date is the calendar day written in
//! the dataset, and a time carries its own UTC offset. Positions on the time axis are counted in
//! days since 1970-01-01 of the story's calendar, so the same file draws the same picture
//! everywhere.

/// How precisely a source gives a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    /// A third of a year: `2024-early` (January–April), `-mid` (May–August), `-late`
    /// (September–December).
    YearPart,
    Month,
    /// A third of a month: `2017-05-early` (days 1–10), `-mid` (11–20), `-late` (21–end).
    MonthPart,
    Day,
    /// A time of day with its UTC offset.
    Minute,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryDate {
    pub precision: Precision,
    pub year: i32,
    /// 1–12; 1 when the precision is a year; the part's first month (1, 5, 9) for a part of
    /// a year.
    pub month: u32,
    /// 1–31; 1 when the precision is a year or a month (or part of a year); the part's first
    /// day (1, 11, 21) for a part of a month.
    pub day: u32,
    /// Minutes after local midnight; 0 unless the precision is `Minute`.
    pub minute: u32,
    /// UTC offset in minutes (540 for +09:00); only meaningful for `Minute`.
    pub offset: i32,
}

/// Which third of a month or a year a date at part precision names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Early, Part::Mid, Part::Late];

    /// `early`, `mid`, `late`: the file's notation.
    pub fn code(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }

    fn from_code(s: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.code() == s)
    }

    /// 0, 1, 2.
    fn index(self) -> u32 {
        match self {
            Part::Early => 0,
            Part::Mid => 1,
            Part::Late => 2,
        }
    }
}

/// Why a date string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the forms YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM±HH:MM, YYYY-part,
    /// YYYY-MM-part.
    Shape,
    /// Well formed but no such day (2025-02-30, month 13, 25:00).
    NotOnCalendar,
    /// A time without its offset: ambiguous across time zones.
    NoOffset,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl StoryDate {
    /// Parses `2025`, `2025-04`, `2025-06-24` or `2025-11-18T22:52+09:00`.
    pub fn parse(s: &str) -> Result<StoryDate, DateError> {
        let (date_part, time_part) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let mut pieces = date_part.split('-');
        let year = pieces
            .next()
            .and_then(|y| digits(y, 4))
            .ok_or(DateError::Shape)? as i32;
        // A part of the year or of a month: `2024-early`, `2017-05-late` (no time after it).
        let rest: Vec<&str> = pieces.clone().collect();
        if let Some(part) = rest.last().and_then(|p| Part::from_code(p)) {
            if time_part.is_some() {
                return Err(DateError::Shape);
            }
            let base = StoryDate {
                precision: Precision::Year,
                year,
                month: 1,
                day: 1,
                minute: 0,
                offset: 0,
            };
            return match rest.as_slice() {
                [_] => Ok(StoryDate {
                    precision: Precision::YearPart,
                    month: 1 + 4 * part.index(),
                    ..base
                }),
                [m, _] => {
                    let m = digits(m, 2).ok_or(DateError::Shape)?;
                    if !(1..=12).contains(&m) {
                        return Err(DateError::NotOnCalendar);
                    }
                    Ok(StoryDate {
                        precision: Precision::MonthPart,
                        month: m,
                        day: 1 + 10 * part.index(),
                        ..base
                    })
                }
                _ => Err(DateError::Shape),
            };
        }
        let month = pieces
            .next()
            .map(|m| digits(m, 2).ok_or(DateError::Shape))
            .transpose()?;
        let day = pieces
            .next()
            .map(|d| digits(d, 2).ok_or(DateError::Shape))
            .transpose()?;
        if pieces.next().is_some() {
            return Err(DateError::Shape);
        }
        let mut date = StoryDate {
            precision: Precision::Year,
            year,
            month: 1,
            day: 1,
            minute: 0,
            offset: 0,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NotOnCalendar);
            }
            date.month = m;
            date.precision = Precision::Month;
        }
        if let Some(d) = day {
            if d == 0 || d > days_in_month(year, date.month) {
                return Err(DateError::NotOnCalendar);
            }
            date.day = d;
            date.precision = Precision::Day;
        }
        if let Some(t) = time_part {
            if date.precision != Precision::Day {
                return Err(DateError::Shape);
            }
            // HH:MM then the offset, which must be given (Z or ±HH:MM).
            let (clock, offset) = if let Some(c) = t.strip_suffix('Z') {
                (c, 0)
            } else if let Some(i) = t.find(['+', '-']) {
                let (c, o) = t.split_at(i);
                let sign = if o.starts_with('-') { -1 } else { 1 };
                let (oh, om) = o[1..].split_once(':').ok_or(DateError::Shape)?;
                let oh = digits(oh, 2).ok_or(DateError::Shape)?;
                let om = digits(om, 2).ok_or(DateError::Shape)?;
                if oh > 14 || om > 59 {
                    return Err(DateError::NotOnCalendar);
                }
                (c, sign * (oh * 60 + om) as i32)
            } else {
                (t, i32::MIN)
            };
            let (hh, mm) = clock.split_once(':').ok_or(DateError::Shape)?;
            let hh = digits(hh, 2).ok_or(DateError::Shape)?;
            let mm = digits(mm, 2).ok_or(DateError::Shape)?;
            if hh > 23 || mm > 59 {
                return Err(DateError::NotOnCalendar);
            }
            if offset == i32::MIN {
                return Err(DateError::NoOffset);
            }
            date.minute = hh * 60 + mm;
            date.offset = offset;
            date.precision = Precision::Minute;
        }
        Ok(date)
    }

    /// Which third of the year or month the date names, at those precisions.
    pub fn part(&self) -> Option<Part> {
        let index = match self.precision {
            Precision::YearPart => (self.month.saturating_sub(1)) / 4,
            Precision::MonthPart => (self.day.saturating_sub(1)) / 10,
            Precision::Year | Precision::Month | Precision::Day | Precision::Minute => return None,
        };
        Part::ALL.get(index as usize).copied()
    }

    /// `2025-04`, `2025-06-24`, `2025-11-18T22:52+09:00`, `2024-early`: the file's own
    /// notation.
    pub fn iso(&self) -> String {
        let d = self;
        let part = d.part().map_or("", Part::code);
        match d.precision {
            Precision::Year => format!("{:04}", d.year),
            Precision::YearPart => format!("{:04}-{part}", d.year),
            Precision::Month => format!("{:04}-{:02}", d.year, d.month),
            Precision::MonthPart => format!("{:04}-{:02}-{part}", d.year, d.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            Precision::Minute => {
                let sign = if d.offset < 0 { '-' } else { '+' };
                let off = d.offset.unsigned_abs();
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}{sign}{:02}:{:02}",
                    d.year,
                    d.month,
                    d.day,
                    d.minute / 60,
                    d.minute % 60,
                    off / 60,
                    off % 60
                )
            }
        }
    }

    /// A valid HTML `datetime` for this date: a part of a year or month, which HTML has no
    /// notation for, as the year or the month it lies in (`2024-10-late` → `2024-10`).
    pub fn html_datetime(&self) -> String {
        match self.precision {
            Precision::YearPart => format!("{:04}", self.year),
            Precision::MonthPart => format!("{:04}-{:02}", self.year, self.month),
            _ => self.iso(),
        }
    }

    /// The first calendar day this date covers, in days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// Where this date starts on a time axis drawn in the story's zone (`zone_offset` minutes
    /// from UTC), in fractional days since 1970-01-01. Times given in another offset are moved
    /// into the story's zone; plain days, months and years are already calendar dates there.
    pub fn start(&self, zone_offset: i32) -> f64 {
        let day = self.first_day() as f64;
        match self.precision {
            Precision::Minute => {
                day + f64::from(self.minute as i32 - self.offset + zone_offset) / 1440.0
            }
            _ => day,
        }
    }

    /// The last calendar day this date covers, in days since 1970-01-01 (the first day for a
    /// day or a time).
    pub fn last_day(&self) -> i64 {
        match self.precision {
            Precision::Day | Precision::Minute => self.first_day(),
            Precision::Year | Precision::YearPart | Precision::Month | Precision::MonthPart => {
                self.end(0) as i64 - 1
            }
        }
    }

    /// Where the period this date names ends (exclusive): the next day, part of a month,
    /// month, part of a year or year.
    pub fn end(&self, zone_offset: i32) -> f64 {
        let next_month = || {
            if self.month == 12 {
                (self.year + 1, 1)
            } else {
                (self.year, self.month + 1)
            }
        };
        match self.precision {
            Precision::Year => days_from_civil(self.year + 1, 1, 1) as f64,
            Precision::YearPart => {
                if self.month >= 9 {
                    days_from_civil(self.year + 1, 1, 1) as f64
                } else {
                    days_from_civil(self.year, self.month + 4, 1) as f64
                }
            }
            Precision::Month => {
                let (y, m) = next_month();
                days_from_civil(y, m, 1) as f64
            }
            Precision::MonthPart => {
                if self.day >= 21 {
                    let (y, m) = next_month();
                    days_from_civil(y, m, 1) as f64
                } else {
                    days_from_civil(self.year, self.month, self.day + 10) as f64
                }
            }
            Precision::Day => self.first_day() as f64 + 1.0,
            Precision::Minute => self.start(zone_offset),
        }
    }

    /// The middle of the period: where a month-precision event sits on the axis.
    pub fn middle(&self, zone_offset: i32) -> f64 {
        match self.precision {
            Precision::Minute => self.start(zone_offset),
            Precision::Day => self.start(zone_offset) + 0.5,
            Precision::Year | Precision::YearPart | Precision::Month | Precision::MonthPart => {
                (self.start(zone_offset) + self.end(zone_offset)) / 2.0
            }
        }
    }
}

/// Whole calendar days from one date to another (by their first days), e.g. 24 June → 8
/// November 2025 is 137. Used for the derived "days of exposure" figures.
pub fn days_between(from: &StoryDate, to: &StoryDate) -> i64 {
    to.first_day() - from.first_day()
}
