import AttuneKit
import Foundation

/// The body of `POST /api/check`: `{"text": "...", "context": "..." or null}`. Decoding
/// failures become messages that name the field at fault and never quote the body.
struct CheckRequest: Decodable {
    var text: String
    var context: String?

    private enum Keys: String, CodingKey {
        case text, context
    }

    init(from decoder: Decoder) throws {
        let container: KeyedDecodingContainer<Keys>
        do {
            container = try decoder.container(keyedBy: Keys.self)
        } catch {
            throw APIError.badRequest(#"the request body must be a JSON object: {"text": "...", "context": "..."}"#)
        }
        guard container.contains(.text) else {
            throw APIError.badRequest(#"missing "text": the reply to check"#)
        }
        guard let text = try? container.decode(String.self, forKey: .text) else {
            throw APIError.badRequest(#""text" must be a string"#)
        }
        var context: String?
        if container.contains(.context), try !container.decodeNil(forKey: .context) {
            guard let string = try? container.decode(String.self, forKey: .context) else {
                throw APIError.badRequest(#""context" must be a string or null"#)
            }
            context = string
        }
        self.init(text: text, context: context)
    }

    init(text: String, context: String?) {
        self.text = text
        self.context = context
    }

    /// Reads a whole body: UTF-8 first (the standard library would otherwise replace a
    /// bad byte and a reply must never be mangled), then JSON.
    static func decode(_ bytes: some Collection<UInt8>) throws(APIError) -> CheckRequest {
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            throw .badRequest("the request body is not valid UTF-8 (first bad byte at offset \(offset))")
        }
        do {
            return try JSONDecoder().decode(CheckRequest.self, from: Data(bytes))
        } catch let error as APIError {
            throw error
        } catch {
            throw .badRequest("the request body is not valid JSON")
        }
    }
}
