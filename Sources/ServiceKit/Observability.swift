import Logging
import Metrics
import Prometheus
import Synchronization

/// Chooses the logging and metrics backends, once per process (swift-log and swift-metrics
/// allow one bootstrap). Libraries only log and count; executables call this first.
public enum Observability {
    private static let registryBox = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Logs to standard error at `level`; metrics into a Prometheus registry, returned for the
    /// metrics endpoint.
    @discardableResult
    public static func bootstrap(logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        registryBox.withLock { box in
            if let registry = box { return registry }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = logLevel
                return handler
            }
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.defaultDurationHistogramBuckets = [
                .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
                .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ]
            MetricsSystem.bootstrap(factory)
            box = registry
            return registry
        }
    }
}
