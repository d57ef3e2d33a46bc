import Histogram
import NIOCore
import NIOPosix
import NIOSSL

/// The floor's client: keeps `outstanding` frames in flight on one connection, entirely inside
/// the event loop (no tasks, no per-call objects), answering each read batch with one write
/// and flush of the replacement requests, like the server.
final class FloorClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Round {
        var start: UInt64
        var end: UInt64
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var calls = 0
        var inFlight = 0
        var done: EventLoopPromise<(Histogram<UInt64>, Int)>
    }

    private let payload: [UInt8]
    private var sentAt: [UInt64] = []
    private var pending = ByteBuffer()
    private var requests = ByteBuffer()
    private var round: Round?
    private var context: ChannelHandlerContext?

    init(payload: [UInt8]) {
        self.payload = payload
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    /// On the event loop: sends `outstanding` requests and keeps replacing answered ones
    /// until `end` (uptime nanoseconds); latencies of calls sent from `start` on are recorded.
    func startRound(outstanding: Int, start: UInt64, end: UInt64, done: EventLoopPromise<(Histogram<UInt64>, Int)>) {
        guard let context else { return done.fail(BenchError("floor: not connected")) }
        round = Round(start: start, end: end, inFlight: outstanding, done: done)
        sentAt = Array(repeating: 0, count: outstanding)
        let now = NIODeadline.now().uptimeNanoseconds
        for id in 0..<outstanding {
            sentAt[id] = now
            FloorFrames.write(id: UInt32(id), payload: payload, to: &requests)
        }
        flushRequests(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        guard var round else { return }
        let now = NIODeadline.now().uptimeNanoseconds
        FloorFrames.forEachFrame(in: &pending) { id, length in
            precondition(length == payload.count)
            let sent = sentAt[Int(id)]
            if sent >= round.start {
                _ = round.histogram.record(now - sent)
                round.calls += 1
            }
            if now < round.end {
                sentAt[Int(id)] = now
                FloorFrames.write(id: id, payload: payload, to: &requests)
            } else {
                round.inFlight -= 1
            }
        }
        pending.discardReadBytes()
        if round.inFlight == 0 {
            self.round = nil
            round.done.succeed((round.histogram, round.calls))
        } else {
            self.round = round
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flushRequests(context)
    }

    private func flushRequests(_ context: ChannelHandlerContext) {
        guard requests.readableBytes > 0 else { return }
        context.writeAndFlush(wrapOutboundOut(requests), promise: nil)
        requests = context.channel.allocator.buffer(capacity: 4096)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        round?.done.fail(error)
        round = nil
        context.close(promise: nil)
    }
}

enum FloorClient {
    static func measure(port: Int, pki: BenchPKI, serverPID: Int32, plan: EchoPlan) async throws -> [EchoMeasurement] {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv13
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(pki.certificate("client")).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: pki.key("client"), format: .pem))
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pki.ca))
        tls.certificateVerification = .fullVerification
        let sslContext = try NIOSSLContext(configuration: tls)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let payload = Array(repeating: UInt8(0x5A), count: plan.payloadBytes)
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: nil))
                    try channel.pipeline.syncOperations.addHandler(FloorClientHandler(payload: payload))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        var results: [EchoMeasurement] = []
        for outstanding in plan.outstanding {
            let now = NIODeadline.now().uptimeNanoseconds
            let start = now + UInt64(plan.warmup / .nanoseconds(1))
            let end = start + UInt64(plan.duration / .nanoseconds(1))
            let done = channel.eventLoop.makePromise(of: (Histogram<UInt64>, Int).self)
            channel.eventLoop.execute {
                do {
                    let handler = try channel.pipeline.syncOperations.handler(type: FloorClientHandler.self)
                    handler.startRound(outstanding: outstanding, start: start, end: end, done: done)
                } catch {
                    done.fail(error)
                }
            }
            try await Task.sleep(for: plan.warmup)
            let before = CPUSample(serverPID: serverPID)
            let (histogram, calls) = try await done.futureResult.get()
            let after = CPUSample(serverPID: serverPID)
            results.append(EchoMeasurement(
                implementation: .floor, outstanding: outstanding, calls: calls, errors: 0,
                seconds: plan.duration / .seconds(1),
                p50: Double(histogram.valueAtPercentile(50)) / 1000, p99: Double(histogram.valueAtPercentile(99)) / 1000,
                clientCPU: before.client(to: after, calls: calls), serverCPU: before.server(to: after, calls: calls)))
        }
        try await channel.close()
        try await group.shutdownGracefully()
        return results
    }
}
