import Foundation
import GuanaiCore
import OpenAPIKit30
import Testing

@testable import GuanaiWeb

/// The OpenAPI document against the types it is built from: each schema names exactly the properties its type
/// reads, and OpenAPIKit finds the document whole (every reference resolves, every path parameter declared).
@Suite struct APISchemaTests {
    @Test func everySchemaNamesWhatItsTypeReads() throws {
        let doc = try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as! [String: Any]
        let schemas = (doc["components"] as! [String: Any])["schemas"] as! [String: Any]
        func documented(_ name: String) -> Set<String> {
            Set((((schemas[name] as? [String: Any])?["properties"]) as? [String: Any] ?? [:]).keys)
        }
        var checked = 0
        for (name, type) in OpenAPIDocument.schemaTypes {
            guard let decodable = type as? any Decodable.Type else { continue }
            #expect(documented(name) == KeyRecorder.keys(decodable), "\(name) documents other properties than \(type) reads")
            checked += 1
        }
        #expect(checked >= 70)
        // The schema-only bodies describe a part of a type that is read.
        #expect(documented(PairApproveBody.apiName).isSubset(of: KeyRecorder.keys(PairActionInput.self)))
        #expect(documented(PairCloseBody.apiName).isSubset(of: KeyRecorder.keys(PairActionInput.self)))
        #expect(documented(ParentPatchBody.apiName).isSubset(of: KeyRecorder.keys(ParentInput.self)))
        #expect(documented(GuardianPatchBody.apiName).isSubset(of: KeyRecorder.keys(GuardianInput.self)))
        #expect(documented(PatchOf<WomanInput>.apiName) == KeyRecorder.keys(WomanInput.self))
        // The recorder itself tells a missing property.
        #expect(KeyRecorder.keys(PairInput.self) == ["childId", "volunteerId"])
    }

    @Test func openAPIKitFindsTheDocumentWhole() throws {
        try OpenAPIDocument.document.validate()
        let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: OpenAPIDocument.json)
        #expect(decoded.paths.count == Set(OpenAPIDocument.routes.map(\.path)).count)
        #expect(decoded.components.schemas.count == OpenAPIDocument.schemaTypes.count)
    }
}

/// A decoder that answers "absent" or a blank value to every question and writes down each key a type asks for at
/// its top level: the properties its `init(from:)` reads.
final class KeyRecorder: Decoder {
    var asked: Set<String> = []
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]

    static func keys<T: Decodable>(_: T.Type) -> Set<String> {
        let r = KeyRecorder()
        _ = try? T(from: r)
        return r.asked
    }

    func container<Key: CodingKey>(keyedBy: Key.Type) -> KeyedDecodingContainer<Key> { KeyedDecodingContainer(Keyed<Key>(recorder: self)) }
    func unkeyedContainer() -> any UnkeyedDecodingContainer { Empty() }
    func singleValueContainer() -> any SingleValueDecodingContainer { Single() }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: KeyRecorder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func note(_ key: Key) { recorder.asked.insert(key.stringValue) }
        func contains(_ key: Key) -> Bool {
            note(key)
            return false
        }
        func decodeNil(forKey key: Key) -> Bool {
            note(key)
            return true
        }
        func decode<T: Decodable>(_: T.Type, forKey key: Key) throws -> T {
            note(key)
            return try Single().decode(T.self)
        }
        func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) -> KeyedDecodingContainer<N> {
            note(key)
            return KeyRecorder().container(keyedBy: N.self)
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
            note(key)
            return Empty()
        }
        func superDecoder() -> any Decoder { KeyRecorder() }
        func superDecoder(forKey key: Key) -> any Decoder {
            note(key)
            return KeyRecorder()
        }
    }

    /// A value nobody looks into: zero, false, a nested value read by a recorder of its own, and for text the nil UUID
    /// (a typed id that reads its string as a UUID takes it, and so does free text).
    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_: T.Type) throws -> T {
            switch T.self {
            case is String.Type: return "00000000-0000-0000-0000-000000000000" as! T
            case is Bool.Type: return false as! T
            case is Int.Type: return 0 as! T
            case is Double.Type: return 0.0 as! T
            default: return try T(from: KeyRecorder())
            }
        }
    }

    struct Empty: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        func decodeNil() -> Bool { true }
        func decode<T: Decodable>(_: T.Type) throws -> T {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: [], debugDescription: ""))
        }
        func nestedContainer<N: CodingKey>(keyedBy: N.Type) -> KeyedDecodingContainer<N> { KeyRecorder().container(keyedBy: N.self) }
        func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer { self }
        func superDecoder() -> any Decoder { KeyRecorder() }
    }
}
