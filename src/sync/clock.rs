//! The hybrid logical clock that orders the runner's writes across devices
//! (Kulkarni et al., "Logical Physical Clocks", 2014): a stamp is the wall
//! clock in milliseconds, a counter for writes within one millisecond or
//! behind a clock seen elsewhere, and the device id for ties. Written as
//! fixed-width text, stamps sort as they compare: the later write wins on
//! every device.

/// A stamp's text: `MMMMMMMMMMMMMM.CCCCCC.DEVICE`.
pub type Stamp = String;

/// The clock of one device.
#[derive(Debug, Clone)]
pub struct Clock {
    millis: u64,
    counter: u32,
    device: String,
}

impl Clock {
    /// The clock of `device`, after `last` (its own last stamp, or the
    /// latest seen from any device).
    pub fn new(device: &str, last: &str) -> Clock {
        let mut clock = Clock {
            millis: 0,
            counter: 0,
            device: device.to_string(),
        };
        clock.observe(last);
        clock
    }

    /// Moves past a stamp written elsewhere.
    pub fn observe(&mut self, stamp: &str) {
        if let Some((millis, counter)) = parts(stamp)
            && (millis, counter) > (self.millis, self.counter)
        {
            self.millis = millis;
            self.counter = counter;
        }
    }

    /// The next stamp at wall-clock time `now_millis`: a millisecond past
    /// the last at least (a burst of writes runs ahead of the wall clock by
    /// a millisecond each), so every stamp of this clock has its own.
    pub fn tick(&mut self, now_millis: u64) -> Stamp {
        self.millis = now_millis.max(self.millis.saturating_add(1));
        self.counter = 0;
        self.last()
    }

    /// The stamp of a record numbered `order` in the order of recording (a
    /// check-in or clearance), whose last write was stamped `before`: at
    /// that moment, so that every device numbers it as this one does, and
    /// after `before` within it when the record keeps its place (saved
    /// again with only a note). A record sent in a burst (a join, a sync
    /// after the folder was away) keeps its own moment: ticked past the
    /// clock, a check-in amended after a clearance sent with it would be
    /// numbered after the clearance. Ticked like any write only when
    /// `before` is later than its moment.
    pub fn stamp_at(&mut self, order: u64, before: Option<&str>) -> Stamp {
        let millis = millis_of(order);
        let counter = match before.map(|b| (b, parts(b))) {
            Some((_, Some((m, c)))) if m == millis => c.saturating_add(1),
            Some((b, Some((m, _)))) if m > millis => {
                self.observe(b);
                return self.tick(millis);
            }
            _ => 0,
        };
        let stamp = format!("{millis:014}.{counter:06}.{}", self.device);
        self.observe(&stamp);
        stamp
    }

    /// The last stamp given or seen.
    pub fn last(&self) -> Stamp {
        format!("{:014}.{:06}.{}", self.millis, self.counter, self.device)
    }
}

/// A stamp's milliseconds and counter.
fn parts(stamp: &str) -> Option<(u64, u32)> {
    let mut parts = stamp.split('.');
    let millis = parts.next()?.parse::<u64>().ok()?;
    let counter = parts.next()?.parse::<u32>().ok()?;
    Some((millis, counter))
}

/// A stamp's place in the order of writes, as a number every device gives
/// it the same: its milliseconds since 2020 (the device, a tie within one
/// millisecond, left out; `crate::store::order_at`).
pub fn order_of(stamp: &str) -> u64 {
    let millis = stamp
        .split('.')
        .next()
        .and_then(|m| m.parse::<i64>().ok())
        .unwrap_or(0);
    crate::store::order_at(millis)
}

/// The moment in milliseconds since 1970 that [`order_of`] numbers `order`.
pub fn millis_of(order: u64) -> u64 {
    order.saturating_add(crate::store::ORDER_FROM_MS.unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_as_the_clock_moves_even_when_the_wall_clock_goes_back() {
        let mut clock = Clock::new("a", "");
        let now = 1_796_000_000_000;
        let first = clock.tick(now);
        let second = clock.tick(now);
        let third = clock.tick(now - 500);
        assert!(first < second && second < third);
        assert!(order_of(&first) < order_of(&second) && order_of(&second) < order_of(&third));
    }

    #[test]
    fn a_stamp_seen_from_a_device_ahead_moves_the_clock_past_it() {
        let mut behind = Clock::new("a", "");
        let mut ahead = Clock::new("b", "");
        let theirs = ahead.tick(9_000);
        behind.observe(&theirs);
        assert!(behind.tick(1_000) > theirs);
    }

    #[test]
    fn a_record_is_stamped_at_its_own_moment_even_behind_the_clock() {
        let mut clock = Clock::new("a", "");
        let ahead = clock.tick(1_796_000_009_000);
        let order = crate::store::order_at(1_796_000_000_000);
        let stamp = clock.stamp_at(order, None);
        assert_eq!(order_of(&stamp), order);
        assert!(clock.tick(0) > ahead);
    }

    #[test]
    fn a_record_saved_again_in_its_place_beats_its_last_write_in_the_same_moment() {
        let mut a = Clock::new("a", "");
        let order = crate::store::order_at(1_796_000_000_000);
        let first = Clock::new("b", "").stamp_at(order, None);
        let again = a.stamp_at(order, Some(&first));
        assert!(again > first);
        assert_eq!(order_of(&again), order);
    }

    #[test]
    fn a_record_numbered_before_its_last_write_is_stamped_after_it() {
        let mut clock = Clock::new("a", "");
        let later = Clock::new("b", "").tick(1_796_000_009_000);
        let stamp = clock.stamp_at(crate::store::order_at(1_796_000_000_000), Some(&later));
        assert!(stamp > later);
    }

    #[test]
    fn the_same_moment_on_two_devices_is_ordered_by_device() {
        let a = Clock::new("a", "").tick(1_000);
        let b = Clock::new("b", "").tick(1_000);
        assert!(a < b);
    }
}
