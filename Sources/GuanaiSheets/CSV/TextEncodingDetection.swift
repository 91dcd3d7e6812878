import Foundation

/// The two encodings CSV files from Chinese offices come in: UTF-8 (with or without BOM) from
/// WPS/LibreOffice/web systems, and GBK/GB18030 from Excel's "CSV (逗号分隔)" on a Chinese Windows.
enum CSVEncoding: Sendable, Equatable {
    case utf8
    case gb18030

    /// Foundation on Linux decodes GB18030 through ICU; the raw value is
    /// `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`, which
    /// CoreFoundation does not export on Linux.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .gb18030:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return String(bytes: bytes, encoding: Self.foundationGB18030)
                ?? String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Incremental UTF-8 validation, so the whole file can be checked in chunks before parsing.
struct UTF8Validator {
    private var remaining = 0
    private var lowerBound: UInt8 = 0x80
    private var upperBound: UInt8 = 0xBF
    private(set) var isValid = true

    var isComplete: Bool { isValid && remaining == 0 }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard isValid else { return }
        for b in bytes {
            if remaining > 0 {
                guard b >= lowerBound, b <= upperBound else { isValid = false; return }
                remaining -= 1
                lowerBound = 0x80
                upperBound = 0xBF
                continue
            }
            switch b {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: remaining = 1
            case 0xE0: remaining = 2; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
            case 0xED: remaining = 2; upperBound = 0x9F
            case 0xF0: remaining = 3; lowerBound = 0x90
            case 0xF1...0xF3: remaining = 3
            case 0xF4: remaining = 3; upperBound = 0x8F
            default: isValid = false; return
            }
        }
    }
}
