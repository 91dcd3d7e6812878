import Fluent
import GuanaiCore

extension Fields {
    /// A record's plain fields, one column each, declared once in Core (`ChildDetail`).
    typealias DetailFields<F: RecordDetail> = DetailsProperty<Self, F>
}

/// Fluent property over every column of a `RecordDetail` enum: reads them all, writes the ones given. The model
/// names no plain field itself, so adding one to Core's enum (and its column in a migration) is enough here.
@propertyWrapper
final class DetailsProperty<Model: Fields, F: RecordDetail>: @unchecked Sendable {
    private var outputValue: Details<F>?
    private var inputValue: Details<F>?

    init() {}

    var projectedValue: DetailsProperty<Model, F> { self }

    var wrappedValue: Details<F> {
        get { value ?? Details() }
        set { value = newValue }
    }

    static var keys: [FieldKey] { F.allCases.map { FieldKey(stringLiteral: $0.column) } }
}

extension DetailsProperty: AnyProperty {}

extension DetailsProperty: Property {
    typealias Value = Details<F>

    var value: Details<F>? {
        get { inputValue.map { (outputValue ?? Details()).merging($0) } ?? outputValue }
        set { inputValue = newValue }
    }
}

extension DetailsProperty: AnyDatabaseProperty {
    var keys: [FieldKey] { Self.keys }

    func input(to input: any DatabaseInput) {
        let given = input.wantsUnmodifiedKeys ? value?.complete : inputValue
        guard let given else { return }
        for f in F.allCases where given.has(f) {
            let key = FieldKey(stringLiteral: f.column)
            switch f.kind {
            case .text: input.set(given[text: f].map { .bind($0) } ?? .null, at: key)
            case .flag: input.set(.bind(given[flag: f]), at: key)
            case .count: input.set(.bind(given[count: f]), at: key)
            }
        }
    }

    func output(from output: any DatabaseOutput) throws {
        var d = Details<F>()
        var any = false
        for f in F.allCases {
            let key = FieldKey(stringLiteral: f.column)
            guard output.contains(key) else { continue }
            any = true
            switch f.kind {
            // After a save Fluent reads the written values back, where none is `.null`: ask for it first, as
            // `@OptionalField` does.
            case .text: d[text: f] = try output.decodeNil(key) ? nil : output.decode(key, as: String.self)
            case .flag: d[flag: f] = try output.decode(key, as: Bool.self)
            case .count: d[count: f] = try output.decode(key, as: Int.self)
            }
        }
        if any {
            outputValue = d
            inputValue = nil
        }
    }
}

extension DetailsProperty: AnyCodableProperty {
    func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
    func decode(from decoder: any Decoder) throws { value = try Details<F>(from: decoder) }
}
