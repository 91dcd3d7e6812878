import Foundation

/// New record ids as UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then 62 random
/// bits. Ids made later sort later, so an insert lands at the end of each primary-key and foreign-key index instead of
/// on a random page: an import of 100,000 children otherwise spends most of SQLite's time splitting random B-tree pages.
///
/// One generator for the process (RFC 9562 §6.2, method 1): within one millisecond the counter goes up, so ids from
/// one instance stay in order even at a million a second; when the counter runs out, the timestamp is moved on by a
/// millisecond rather than letting order break. Across instances ids are only roughly ordered, which is all an index
/// needs; uniqueness rests on the 62 random bits, as with version 4.
public final class TimeOrderedID: @unchecked Sendable {
    public static let shared = TimeOrderedID()

    private let lock = NSLock()
    private var lastMillis: UInt64 = 0
    private var counter: UInt16 = 0
    private var random = SystemRandomNumberGenerator()

    /// `now` is read from the system clock unless given (tests); ids are about order of making, not the app's clock.
    public init() {}

    public static func next() -> UUID { shared.make() }

    public func make(now: Date = Date()) -> UUID {
        let wall = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        lock.lock()
        var millis = wall
        if millis <= lastMillis {
            millis = lastMillis
            if counter == 0x0FFF {
                millis += 1
                counter = UInt16.random(in: 0...0x01FF, using: &random)
            } else {
                counter += 1
            }
        } else {
            // A random start in the lower part of the range leaves room to count up within the millisecond.
            counter = UInt16.random(in: 0...0x01FF, using: &random)
        }
        lastMillis = millis
        let count = counter
        let tail = random.next() as UInt64
        lock.unlock()
        return Self.uuid(millis: millis, counter: count, random: tail)
    }

    /// The layout of RFC 9562 §5.7: unix_ts_ms(48) ver(4)=7 rand_a(12) var(2)=0b10 rand_b(62).
    static func uuid(millis: UInt64, counter: UInt16, random: UInt64) -> UUID {
        let t = millis & 0xFFFF_FFFF_FFFF
        let b = (random & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return UUID(
            uuid: (
                UInt8(t >> 40 & 0xFF), UInt8(t >> 32 & 0xFF), UInt8(t >> 24 & 0xFF), UInt8(t >> 16 & 0xFF),
                UInt8(t >> 8 & 0xFF), UInt8(t & 0xFF),
                0x70 | UInt8(counter >> 8 & 0x0F), UInt8(counter & 0xFF),
                UInt8(b >> 56 & 0xFF), UInt8(b >> 48 & 0xFF), UInt8(b >> 40 & 0xFF), UInt8(b >> 32 & 0xFF),
                UInt8(b >> 24 & 0xFF), UInt8(b >> 16 & 0xFF), UInt8(b >> 8 & 0xFF), UInt8(b & 0xFF)
            ))
    }

    /// The milliseconds an id was made at, or nil for an id that is not version 7 (rows made before ids were ordered).
    public static func millis(of id: UUID) -> UInt64? {
        let u = id.uuid
        guard u.6 >> 4 == 7, u.8 >> 6 == 0b10 else { return nil }
        return [u.0, u.1, u.2, u.3, u.4, u.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
