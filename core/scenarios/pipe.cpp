// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Pipe lesson. One way: the engine creates an anonymous pipe (pipe2), hands the write end to a
// sender and the read end to a receiver (as descriptor 5 in each), then closes its own copies: when the sender
// closes its end the receiver reads end of file, like Python's EOFError. Duplex: a socketpair, over which two
// peers greet each other and answer every greeting. Each worker is one PipeEndpoint; shared memory carries the
// script there and only reports back: what each side sent and received, and every message's latency.
#include "ipc/sharedmemory.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "worker/endpointreport.h"
#include "worker/pacing.h"
#include "worker/pipeendpoint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ProcViz {

namespace {
const QString SenderRole = QStringLiteral("sender");
const QString ReceiverRole = QStringLiteral("receiver");
const QString PeerRole = QStringLiteral("peer");
const QString OneWay = QStringLiteral("oneway");
const QString Duplex = QStringLiteral("duplex");
/// The channel's number inside each worker (0-2 are stdio, 3 is telemetry).
constexpr int ChannelFd = 5;
constexpr int MaxCount = 1'000'000;
constexpr int ScriptBytes = 4096;

const auto Mode = TextParameter::choice("mode", OneWay, {OneWay, Duplex},
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "oneway: a sender and a receiver over an anonymous pipe; duplex: two peers over a socket pair, "
        "each greeting the other and answering."));
const auto Messages = TextParameter::text("messages", 400,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "The messages to send, separated by commas. Empty: the tutorial's four words, in the language of "
        "the user interface."));
const auto SendMs = IntParameter::integer("send-ms", 500, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Pause after sending each message, in milliseconds."));
const auto RecvMs = IntParameter::integer("recv-ms", 700, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Pause after receiving each message, in milliseconds: a slower receiver leaves messages waiting "
        "in the pipe."));
const auto Count = IntParameter::integer("count", 0, 0, MaxCount,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Send this many generated messages as fast as possible instead of --messages, without the pauses: "
        "a throughput run. 0: off."));
constexpr int MinLatencySlots = 4096;

struct PipeHeader
{
    std::int32_t scriptBytes;
    char script[ScriptBytes]; ///< the messages to send, '\n'-separated, already in the UI language
    EndpointReport endpoints[2];
};

struct PipeShape
{
    bool duplex;
    std::int64_t count;

    explicit PipeShape(const QVariantMap& params)
        : duplex(Mode(params) == Duplex)
        , count(Count(params))
    { }
    std::int64_t latencySlots() const { return std::max<std::int64_t>(count, MinLatencySlots); }
    size_t bytes() const { return sizeof(PipeHeader) + 2 * size_t(latencySlots()) * sizeof(std::int64_t); }
};

std::span<std::int64_t> latencies(PipeHeader& header, const PipeShape& shape, int endpoint)
{
    return {
        reinterpret_cast<std::int64_t*>(&header + 1) + endpoint * shape.latencySlots(), size_t(shape.latencySlots())};
}

class PipeResources : public RunResources
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    PipeResources(std::unique_ptr<SharedMemory> memory, int first, int second)
        : m_memory(std::move(memory))
        , m_ends {first, second}
    { }

    ~PipeResources() override { workersSpawned(); }

    PipeHeader& header() const { return *m_memory->as<PipeHeader>(); }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    /// One way: the sender (0) gets the write end, the receiver (1) the read end. Duplex: one socket each.
    QList<std::pair<int, int>> workerDescriptors(const WorkerSpec& spec) const override
    {
        return {{m_ends[spec.role == SenderRole ? 1 : spec.role == ReceiverRole ? 0 : spec.index], ChannelFd}};
    }

    void workersSpawned() override
    {
        // A reader sees end of file only once every write end is closed, and a writer gets EPIPE only once
        // every read end is: the engine must not keep copies of either.
        for (int& end : m_ends) {
            if (end >= 0)
                ::close(end);
            end = -1;
        }
    }

    QString explainStall(const RunModel& model) const override
    {
        for (const auto& worker : model.workers()) {
            if (!worker.isAlive() && worker.signal) {
                return tr("%1 %2 · pid %3 was killed; its partner waits for messages that will never come.")
                    .arg(worker.role)
                    .arg(worker.index)
                    .arg(worker.pid);
            }
        }
        return {};
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
    int m_ends[2];
};

/// What this worker's side of the conversation does, from the lesson's parameters.
PipeEndpoint::Setup endpointSetup(const WorkerContext& context, const PipeHeader& header, const PipeShape& shape)
{
    PipeEndpoint::Setup setup;
    setup.channel = ChannelFd;
    setup.input = STDIN_FILENO; // the chat panel's lines
    setup.index = context.index;
    setup.duplex = shape.duplex;
    setup.sends = context.role != ReceiverRole;
    setup.receives = context.role != SenderRole;
    // A count run measures throughput: no pauses, and generated messages instead of the script.
    setup.sendMs = shape.count > 0 ? 0 : SendMs(context.params);
    setup.receiveMs = shape.count > 0 ? 0 : RecvMs(context.params);
    setup.count = shape.count;
    if (shape.count == 0)
        setup.script = QByteArray(header.script, header.scriptBytes).split('\n');
    return setup;
}

/// Every latency recorded, in nanoseconds.
QList<std::int64_t> allLatencies(PipeHeader& header, const PipeShape& shape)
{
    QList<std::int64_t> all;
    for (int endpoint = 0; endpoint < 2; ++endpoint) {
        const auto n = std::min(header.endpoints[endpoint].received.load(), shape.latencySlots());
        for (const auto latency : latencies(header, shape, endpoint).first(size_t(n)))
            all.append(latency);
    }
    return all;
}
} // namespace

class PipeScenario : public ScenarioWith<PipeResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("pipe"); }
    QString title() const override { return tr("Pipe: two processes talk"); }
    QString summary() const override
    {
        return tr("A sender writes messages into an anonymous pipe and a receiver reads them until end of file; "
                  "in duplex mode two processes greet each other over a socket pair and answer.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {SenderRole, ReceiverRole, PeerRole}; }

    QString roleLabel(const QString& role, int index, bool brief) const override
    {
        if (role == SenderRole)
            return tr("sender %1").arg(index);
        if (role == ReceiverRole)
            return tr("receiver %1").arg(index);
        if (role == PeerRole)
            return tr("peer %1").arg(index);
        return Scenario::roleLabel(role, index, brief);
    }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::Chat;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Chat through the pipe");
        return spec;
    }

    /// The sending process (the first peer in duplex mode) reads chat lines from its standard input.
    int inputWorker(const RunModel& model) const override
    {
        for (const auto& worker : model.workers()) {
            const bool sender = worker.role == SenderRole || (worker.role == PeerRole && worker.index == 0);
            if (sender && !worker.hasExited())
                return worker.id;
        }
        return -1;
    }

    QStringList programParameters() const override
    {
        return {Mode.name(), Messages.name(), SendMs.name(), RecvMs.name()};
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty() || !printed.contains(QLatin1String("sent")))
            return evaluation;
        // One way, the receiver's list is the sender's; both ways, each peer gets the other's greetings in
        // order ("peer 0: hello", ...), then its answers.
        const auto sent = printed.value(QLatin1String("sent")).toArray();
        QList<QJsonArray> heard;
        const auto received = printed.value(QLatin1String("received"));
        if (received.isArray())
            heard.append(received.toArray());
        for (const auto& peer : received.toObject())
            heard.append(peer.toArray());
        bool inOrder = !sent.isEmpty() && !heard.isEmpty();
        for (const auto& list : std::as_const(heard)) {
            for (qsizetype i = 0; inOrder && i < sent.size(); ++i)
                inOrder = list.size() > i && list.at(i).toString().endsWith(sent.at(i).toString());
        }
        evaluation.checks.append({QStringLiteral("messages_in_order"), inOrder,
            tr("%1 messages sent; every receiver got them in the order sent: %2")
                .arg(sent.size())
                .arg(inOrder ? tr("yes") : tr("no"))});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        if (PipeShape(params).duplex)
            return {{QStringLiteral("duplex"), {{PeerRole, 0}, {PeerRole, 1}}}};
        // Distinct indexes, so `--kill 1@S` names the receiver.
        return {{QStringLiteral("oneway"), {{SenderRole, 0}, {ReceiverRole, 1}}}};
    }

    std::unique_ptr<PipeResources> create(const QVariantMap& params, QString* error) const override
    {
        const PipeShape shape(params);
        auto memory = SharedMemory::create(shape.bytes(), error);
        if (!memory)
            return nullptr;
        auto& header = *memory->as<PipeHeader>();
        // Translated here, in the engine: the words go out in the language the learner reads.
        auto script = messages(params);
        if (script.isEmpty())
            script = tr("hello,pipe,example,data").split(QLatin1Char(','));
        const QByteArray bytes = script.join(QLatin1Char('\n')).toUtf8().left(ScriptBytes);
        std::memcpy(header.script, bytes.constData(), size_t(bytes.size()));
        header.scriptBytes = std::int32_t(bytes.size());
        int ends[2];
        const int made = shape.duplex ? socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends)
                                      : pipe2(ends, O_CLOEXEC); // [0] reads, [1] writes
        if (made != 0) {
            *error = QString::fromLocal8Bit(strerror(errno));
            return nullptr;
        }
        return std::make_unique<PipeResources>(std::move(memory), ends[0], ends[1]);
    }

    int runWorker(const WorkerContext& context) const override
    {
        const PipeShape shape(context.params);
        auto memory = SharedMemory::attachForWorker(shape.bytes());
        if (!memory)
            return EXIT_FAILURE;
        auto& header = *memory->as<PipeHeader>();
        const int me = context.index;
        return PipeEndpoint(endpointSetup(context, header, shape), context.telemetry, header.endpoints[me],
            header.endpoints[1 - me], latencies(header, shape, me))
            .run();
    }

    Evaluation evaluate(const RunModel& model, const PipeResources& resources) const override;

private:
    static QStringList messages(const QVariantMap& params)
    {
        QStringList list;
        for (const auto& part : Messages(params).split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty())
                list.append(part.trimmed());
        }
        return list;
    }

    const ParameterTable m_parameters {{Mode, Messages, SendMs, RecvMs, Count}};
};

Evaluation PipeScenario::evaluate(const RunModel& model, const PipeResources& resources) const
{
    auto& header = resources.header();
    const PipeShape shape(model.params());
    bool anyKilled = false;
    QJsonObject sentBy, receivedBy;
    qint64 pids[2] = {0, 0};
    for (const auto& worker : model.workers()) {
        anyKilled = anyKilled || worker.signal.has_value();
        pids[worker.index] = worker.pid;
    }
    qint64 sent = 0, received = 0, outOfOrder = 0;
    bool brokenPipe = false, allArrived = true;
    for (int e = 0; e < 2; ++e) {
        const auto& report = header.endpoints[e];
        const auto& partner = header.endpoints[1 - e];
        sent += report.sent.load();
        received += report.received.load();
        outOfOrder += report.outOfOrder.load();
        brokenPipe = brokenPipe || report.brokenPipe.load();
        if (report.sent.load() != partner.received.load() || report.sentMessages() != partner.receivedMessages())
            allArrived = false;
        sentBy.insert(QString::number(pids[e]), QJsonArray::fromStringList(report.sentMessages()));
        receivedBy.insert(QString::number(pids[e]), QJsonArray::fromStringList(report.receivedMessages()));
    }
    auto all = allLatencies(header, shape);
    const double median = double(Pacing::quantile(all, 0.5)) / 1e6;
    const double p99 = all.isEmpty() ? 0 : double(Pacing::quantile(all, 0.99)) / 1e6;
    const double worst = all.isEmpty() ? 0 : double(*std::max_element(all.cbegin(), all.cend())) / 1e6;
    Evaluation evaluation;
    auto& result = evaluation.result;
    auto& checks = evaluation.checks;
    result = {
        {QStringLiteral("mode"), shape.duplex ? Duplex : OneWay},
        {QStringLiteral("mechanism"),
            shape.duplex
                ? QStringLiteral("socketpair(AF_UNIX, SOCK_STREAM), descriptor 5 in both peers")
                : QStringLiteral("anonymous pipe (pipe2) created by the engine, descriptor 5 in both workers")},
        // One way: lists. Duplex: one list per peer, keyed by pid.
        {QStringLiteral("sent"), shape.duplex ? QJsonValue(sentBy) : sentBy.value(QString::number(pids[0]))},
        {QStringLiteral("received"),
            shape.duplex ? QJsonValue(receivedBy) : receivedBy.value(QString::number(pids[1]))},
        {QStringLiteral("sent_count"), sent},
        {QStringLiteral("received_count"), received},
        {QStringLiteral("in_order"), outOfOrder == 0},
        {QStringLiteral("latency_median_ms"), median},
        {QStringLiteral("latency_p99_ms"), p99},
        {QStringLiteral("latency_max_ms"), worst},
        {QStringLiteral("broken_pipe"), brokenPipe},
        {QStringLiteral("outcome"), model.outcomeId()},
    };
    const auto& last = header.endpoints[shape.duplex ? 0 : 1];
    const qint64 spanNs = last.lastReceiveNs.load() - header.endpoints[0].firstSendNs.load();
    if (shape.count > 0 && spanNs > 0)
        result.insert(QStringLiteral("messages_per_s"), double(received) * 1e9 / double(spanNs));

    checks.append({QStringLiteral("everything_arrived_once_in_order"), allArrived && outOfOrder == 0,
        tr("%1 sent · %2 received · %3 out of order").arg(sent).arg(received).arg(outOfOrder), !anyKilled});
    if (brokenPipe) {
        checks.append({QStringLiteral("no_broken_pipe"), false,
            tr("a write failed with EPIPE: the reading end was closed (its process died)"), false});
    }
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(pipe, ProcViz::PipeScenario)
