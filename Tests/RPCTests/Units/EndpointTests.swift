@testable import JCSkillsRPC
import Testing

/// Where a client connects (Client/ClientConfiguration.swift `Endpoint`): the forms the command
/// line and the configuration files give, and whether a host is an address (then no TLS server
/// name is sent) or a name.
@Suite("Endpoints: parsing, lists and addresses", .timeLimit(.minutes(1)))
struct EndpointTests {
    /// `HOST:PORT` and `[IPv6]:PORT`; written back the same way.
    @Test func theFormsOfAnEndpoint() throws {
        let name = try #require(Endpoint("registry.jc.local:7101"))
        #expect(name.host == "registry.jc.local" && name.port == 7101)
        let v6 = try #require(Endpoint("[::1]:7100"))
        #expect(v6.host == "::1" && v6.port == 7100)
        #expect(v6.description == "[::1]:7100")
        #expect(Endpoint("127.0.0.1:1")?.description == "127.0.0.1:1")
        #expect(Endpoint("h:65535")?.port == 65535)
    }

    /// What is not an endpoint is nil, never a guess: no host, no port, a port out of range or
    /// not a number, an unclosed bracket.
    @Test(arguments: ["", "host", "host:", ":7101", "host:0", "host:65536", "host:http", "host: 80",
                      "[::1]", "[::1]:", "[::1]7101", "[::1:7101", "[]:7101"])
    func whatIsNotAnEndpoint(_ text: String) {
        #expect(Endpoint(text) == nil)
    }

    /// A comma-separated list, spaces around the commas allowed; one bad entry spoils the list.
    @Test func aListOfEndpoints() {
        #expect(Endpoint.list("a:1, b:2 ,[::1]:3") == [Endpoint(host: "a", port: 1), Endpoint(host: "b", port: 2), Endpoint(host: "::1", port: 3)])
        #expect(Endpoint.list("a:1") == [Endpoint(host: "a", port: 1)])
        #expect(Endpoint.list("a:1, b") == nil)
        #expect(Endpoint.list("") == nil)
    }

    /// An IPv4 or IPv6 address is not a TLS server name; a host name is.
    @Test func addressesAndNames() {
        for address in ["127.0.0.1", "10.0.0.255", "::1", "fe80::1"] {
            #expect(Endpoint(host: address, port: 1).isIPAddress, "\(address)")
        }
        for name in ["localhost", "registry.jc.local", "1.2.3", "a.b.c.d", "1.2.3.4a"] {
            #expect(!Endpoint(host: name, port: 1).isIPAddress, "\(name)")
        }
    }
}
