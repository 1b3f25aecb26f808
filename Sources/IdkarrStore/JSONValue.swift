import Foundation

/// A JSON value, as migrations see a document body before it is decoded.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        get { if case .object(let o) = self { return o[key] } else { return nil } }
        set {
            guard case .object(var o) = self else { return }
            o[key] = newValue
            self = .object(o)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let tape = decoder as? TapeDecoder {
            self = try JSONValue(tape.doc, tape.index)
            return
        }
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    init(_ doc: TapeDocument, _ i: Int) throws {
        switch doc.kind(i) {
        case .null: self = .null
        case .trueValue: self = .bool(true)
        case .falseValue: self = .bool(false)
        case .string, .escapedString: self = .string(try doc.string(at: i))
        case .number:
            let text = String(decoding: try doc.numberBytes(i), as: UTF8.self)
            if let v = Int(text) { self = .int(v) } else { self = .double(try doc.double(at: i)) }
        case .array:
            var items: [JSONValue] = []
            var p = i + 1
            while p < Int(doc.tokens[i].b) {
                items.append(try JSONValue(doc, p))
                p = doc.next(after: p)
            }
            self = .array(items)
        case .object:
            var members: [String: JSONValue] = [:]
            for k in doc.keyTokens(of: i) { members[try doc.string(at: k)] = try JSONValue(doc, k + 1) }
            self = .object(members)
        }
    }
}
