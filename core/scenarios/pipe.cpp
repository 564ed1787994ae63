// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Pipe lesson. One way: the engine creates an anonymous pipe (pipe2), hands the write end to a
// sender and the read end to a receiver (as descriptor 5 in each), then closes its own copies: when the sender
// closes its end the receiver reads end of file, like Python's EOFError. Duplex: a socketpair, over which two
// peers greet each other and answer every greeting. Messages travel as frames that carry their send time, so
// the receiver measures each one's latency on the shared monotonic clock. A one-way sender without pauses
// packs the frames it has ready back to back into one write() of at most PIPE_BUF bytes (FrameWriter): every
// message keeps its own frame, number and send time, only the system call is shared. Shared memory only
// reports back: what each side sent and received, for the result.
#include "ipc/framereader.h"
#include "ipc/framewriter.h"
#include "ipc/sharedmemory.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"
#include "worker/pacing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
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
constexpr int MaxPayload = 1000;
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
constexpr int LogBytes = 32 * 1024;
constexpr int MinLatencySlots = 4096;
/// Messages that get their own send/receive records; a throughput run beyond them reports progress only.
constexpr std::int64_t TracedMessages = 1000;

/// What one side did, written only by that side, read by the engine at the end.
struct EndpointReport
{
    std::atomic<std::int32_t> pid; ///< this side's, written before it sends: its partner names it in hand-offs
    std::atomic<std::int64_t> sent;
    std::atomic<std::int64_t> received;
    std::atomic<std::int64_t> outOfOrder;
    std::atomic<std::int32_t> brokenPipe; ///< a write failed with EPIPE: nobody reads the other end any more
    std::atomic<std::int32_t> sentLogBytes;
    std::atomic<std::int32_t> receivedLogBytes;
    std::atomic<std::int64_t> firstSendNs;
    std::atomic<std::int64_t> lastReceiveNs;
    char sentLog[LogBytes]; ///< messages in order, each ended by '\n'; what does not fit is left out
    char receivedLog[LogBytes];
};

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

std::int64_t* latencies(PipeHeader* header, const PipeShape& shape, int endpoint)
{
    return reinterpret_cast<std::int64_t*>(header + 1) + endpoint * shape.latencySlots();
}

QStringList logLines(const char* log, const std::atomic<std::int32_t>& bytes)
{
    auto lines = QString::fromUtf8(log, bytes.load()).split(QLatin1Char('\n'));
    lines.removeLast(); // after the last '\n'
    return lines;
}

void appendLog(char* log, std::atomic<std::int32_t>& used, QByteArrayView message)
{
    const auto at = used.load();
    if (at + message.size() + 1 > LogBytes)
        return;
    std::memcpy(log + at, message.data(), size_t(message.size()));
    log[at + message.size()] = '\n';
    used.store(std::int32_t(at + message.size() + 1));
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

/// One side of the conversation: a poll() loop over the channel, the worker's standard input (chat lines
/// from the engine) and its own schedule.
class Endpoint
{
public:
    Endpoint(const WorkerContext& context, PipeHeader& header, const PipeShape& shape)
        : m_telemetry(context.telemetry)
        , m_clock(context.telemetry)
        , m_partner(header.endpoints[1 - context.index])
        , m_shape(shape)
        , m_index(context.index)
        , m_report(header.endpoints[context.index])
        , m_latencies(latencies(&header, shape, context.index))
        , m_canSend(context.role != ReceiverRole)
        , m_canReceive(context.role != SenderRole)
        , m_sendMs(shape.count > 0 ? 0 : SendMs(context.params))
        , m_receiveMs(shape.count > 0 ? 0 : RecvMs(context.params))
        , m_coalesce(context.role == SenderRole && m_sendMs == 0)
        , m_throttle(1000)
        , m_writer(ChannelFd)
        , m_reader(ChannelFd)
    {
        if (shape.count == 0) {
            for (const auto& line : QByteArrayView(header.script, header.scriptBytes).toByteArray().split('\n'))
                m_script.append(line);
        }
        m_scriptSize = shape.count > 0 ? shape.count : m_script.size();
        m_expected = context.role == SenderRole ? 0 : shape.duplex ? 2 * m_scriptSize : m_scriptSize;
        m_stdinOpen = m_canSend;
    }

    int run();

private:
    bool sending() const { return m_canSend && (m_nextScript < m_scriptSize || !m_replies.isEmpty()); }
    bool finishedSending() const
    {
        return m_writer.isEmpty() && m_nextScript >= m_scriptSize
            && (!m_shape.duplex || (m_repliesAwaited == 0 && m_otherOver && m_replies.isEmpty()));
    }
    QByteArray scriptMessage(std::int64_t i) const
    {
        return m_shape.duplex ? signedBy() + m_script.at(i) : m_script.at(i);
    }
    /// "message N" of a count run, made in place: an allocation per message would cost as much as sending it.
    QByteArrayView generatedMessage(std::int64_t i)
    {
        const auto end = std::to_chars(m_generated + GeneratedPrefix, std::end(m_generated), i + 1).ptr;
        return QByteArrayView(m_generated, end - m_generated);
    }
    QByteArray signedBy() const { return QByteArray("peer ") + QByteArray::number(m_index) + ": "; }
    /// Frames the message and hands it to the writer, which writes it at once unless this side coalesces.
    bool send(QByteArrayView payload, std::uint32_t flags);
    /// Writes what is pending. One way it blocks (the sender has nothing else to do); duplex never does: two
    /// peers blocked writing into full sockets, neither reading, would deadlock.
    bool flush();
    bool succeeded(FrameWriter::Status status); ///< false, and says why, when a write failed
    void readInput();
    void handleFrame(const FrameHeader& frame, QByteArrayView payload);
    std::int64_t progressDone() const;
    std::int64_t progressTotal() const;
    void reportProgress();

    const TelemetryWriter& m_telemetry;
    StateClock m_clock;
    const EndpointReport& m_partner;
    const PipeShape& m_shape;
    const int m_index;
    EndpointReport& m_report;
    std::int64_t* m_latencies;
    const bool m_canSend;
    const bool m_canReceive;
    const std::int64_t m_sendMs;
    const std::int64_t m_receiveMs;
    /// A one-way sender without pauses lets frames ready back to back share a write(); everyone else writes
    /// each frame at once (a paced, interactive or duplex frame must be seen when it is sent).
    const bool m_coalesce;
    ProgressThrottle m_throttle;
    FrameWriter m_writer;
    FrameReader m_reader;
    static constexpr int GeneratedPrefix = 8;
    char m_generated[32] = "message ";
    QList<QByteArray> m_script;
    std::int64_t m_scriptSize = 0;
    std::int64_t m_nextScript = 0;
    std::int64_t m_nextSendNs = 0;
    std::int64_t m_nextReadNs = 0;
    std::int64_t m_seq = 0;
    std::int64_t m_lastSeqIn = 0;
    std::int64_t m_expected = 0;
    std::int64_t m_repliesAwaited = 0;
    bool m_overSent = false;
    bool m_writeClosed = false;
    bool m_otherOver = false;
    bool m_stdinOpen = false;
    bool m_channelOpen = true;
    QByteArray m_inputBuffer;
    QList<QByteArray> m_replies;
};

bool Endpoint::send(QByteArrayView payload, std::uint32_t flags)
{
    payload = payload.first(std::min<qsizetype>(payload.size(), MaxPayload));
    const std::int64_t seq = (flags & Over) ? 0 : ++m_seq;
    // The send time is when the frame enters the writer: a frame that waits there for the next write() is late
    // by that much, and its latency includes it, as it should.
    const FrameHeader header {std::uint32_t(payload.size()), flags, seq, monotonicNowNs()};
    auto status = m_writer.append(header, payload);
    if (!(flags & Over)) {
        // Counted as sent once handed over, like Python's send() returning: a reader that dies loses what is
        // still in the writer as it loses what is in the pipe.
        if (seq == 1)
            m_report.firstSendNs = header.sentNs;
        m_report.sent.fetch_add(1);
        appendLog(m_report.sentLog, m_report.sentLogBytes, payload);
        if (seq <= TracedMessages) {
            m_telemetry.message(QStringLiteral("sent #%1 (%2 B)%3")
                                    .arg(seq)
                                    .arg(payload.size())
                                    .arg((flags & Reply) ? QStringLiteral(" reply") : QString())
                                    .toUtf8());
        }
    }
    if (status == FrameWriter::Status::Ok && !m_coalesce) // duplex (and its Over) never coalesces
        status = m_writer.flush();
    return succeeded(status);
}

bool Endpoint::flush()
{
    return succeeded(m_writer.flush());
}

bool Endpoint::succeeded(FrameWriter::Status status)
{
    switch (status) {
    case FrameWriter::Status::Ok:
        return true;
    case FrameWriter::Status::BrokenPipe:
        m_report.brokenPipe = 1;
        m_telemetry.message("broken pipe (EPIPE): nobody reads the other end any more");
        return false;
    case FrameWriter::Status::Failed:
        m_telemetry.message(QByteArray(QByteArray("write failed: ") + strerror(m_writer.error())));
        return false;
    }
    return false;
}

void Endpoint::readInput()
{
    char buffer[4096];
    const auto got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got <= 0) {
        m_stdinOpen = got < 0 && errno == EINTR;
        return;
    }
    m_inputBuffer.append(buffer, got);
    for (qsizetype newline; (newline = m_inputBuffer.indexOf('\n')) >= 0;) {
        const QByteArray line = m_inputBuffer.left(newline).trimmed();
        m_inputBuffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        if (m_overSent || finishedSending()) {
            m_telemetry.message("chat line dropped: this side has finished sending");
            continue;
        }
        m_telemetry.message("chat line from the user");
        if (m_shape.duplex)
            ++m_repliesAwaited;
        if (!send(line, 0) || !flush()) // typed by a person: it goes out now, even from a sender that coalesces
            m_channelOpen = false;
    }
}

void Endpoint::handleFrame(const FrameHeader& frame, QByteArrayView payload)
{
    const auto now = monotonicNowNs();
    if (frame.flags & Over) {
        m_otherOver = true;
        return;
    }
    if (frame.seq != m_lastSeqIn + 1)
        m_report.outOfOrder.fetch_add(1);
    m_lastSeqIn = frame.seq;
    const auto n = m_report.received.load();
    if (n < m_shape.latencySlots())
        m_latencies[n] = now - frame.sentNs;
    m_report.lastReceiveNs = now;
    appendLog(m_report.receivedLog, m_report.receivedLogBytes, payload);
    m_report.received.store(n + 1);
    if (frame.seq <= TracedMessages) {
        // Drawn as an arrow from the send: the frame carries its send time, shared memory the sender's pid.
        m_telemetry.handoff(m_partner.pid.load(), frame.sentNs, now, payload.first(std::min<qsizetype>(payload.size(), 40)));
        m_telemetry.message(QStringLiteral("received #%1 (%2 B)").arg(frame.seq).arg(payload.size()).toUtf8());
    }
    if (frame.flags & Reply)
        --m_repliesAwaited;
    else if (m_shape.duplex)
        m_replies.append(signedBy() + "re " + payload.toByteArray());
    m_nextReadNs = now + m_receiveMs * 1'000'000;
}

std::int64_t Endpoint::progressDone() const
{
    return m_report.sent.load() + m_report.received.load();
}

std::int64_t Endpoint::progressTotal() const
{
    // A receiver sends nothing of the script: counting it would halve its progress.
    return std::max<std::int64_t>({1, progressDone(), (m_canSend ? m_scriptSize : 0) + m_expected});
}

void Endpoint::reportProgress()
{
    const auto done = progressDone(), total = progressTotal();
    if (m_throttle.shouldReport(done * 1000 / total))
        m_clock.progress(done, total);
}

int Endpoint::run()
{
    m_report.pid = std::int32_t(getpid());
    m_clock.start();
    bool failed = false;
    const auto now0 = monotonicNowNs();
    m_nextSendNs = now0;
    if (m_shape.duplex)
        fcntl(ChannelFd, F_SETFL, fcntl(ChannelFd, F_GETFL) | O_NONBLOCK);
    while (true) {
        const auto now = monotonicNowNs();
        // Send what is due: replies at once, the script on its schedule (all of it at once in a count run).
        while (m_canSend && m_channelOpen && !failed && (m_coalesce || m_writer.isEmpty())) {
            if (!m_replies.isEmpty()) {
                failed = !send(m_replies.takeFirst(), Reply);
            } else if (m_nextScript < m_scriptSize && (m_sendMs == 0 || monotonicNowNs() >= m_nextSendNs)) {
                const auto i = m_nextScript++;
                failed = m_shape.count > 0 ? !send(generatedMessage(i), 0) : !send(scriptMessage(i), 0);
                m_repliesAwaited += m_shape.duplex ? 1 : 0;
                m_nextSendNs = now + m_sendMs * 1'000'000;
                if (m_shape.count > 0 && m_nextScript % 1024 == 0)
                    break; // look at the input and the channel now and then
            } else {
                break;
            }
            reportProgress();
        }
        // Nothing more is ready now: what was gathered goes out before this side looks elsewhere, waits or closes.
        if (m_coalesce && m_channelOpen && !failed)
            failed = !flush();
        if (failed)
            break;
        if (m_shape.duplex && !m_overSent && m_nextScript >= m_scriptSize && m_channelOpen && m_writer.isEmpty()) {
            failed = !send({}, Over);
            m_overSent = true;
        }
        if (m_canSend && m_channelOpen && !m_writeClosed && finishedSending()) {
            m_writeClosed = true;
            // One way: closing is the message. Duplex: no more writes from here; the other side reads end of file.
            if (m_shape.duplex)
                ::shutdown(ChannelFd, SHUT_WR);
            else
                ::close(ChannelFd);
            m_channelOpen = m_canReceive;
            m_stdinOpen = false;
            if (!m_canReceive)
                break;
        }
        // Hand over frames already read, one per --recv-ms.
        bool handled = false;
        FrameHeader frame;
        QByteArrayView payload;
        while (
            m_canReceive && (m_receiveMs == 0 || monotonicNowNs() >= m_nextReadNs) && m_reader.next(&frame, &payload)) {
            handleFrame(frame, payload);
            handled = true;
            reportProgress();
        }
        m_reader.discardHandled();
        if (handled)
            continue; // a reply may be due
        if (!m_canReceive && !sending() && !m_stdinOpen)
            break;

        pollfd fds[2];
        int count = 0;
        const bool readable = m_canReceive && m_channelOpen && monotonicNowNs() >= m_nextReadNs;
        const bool pending = m_channelOpen && !m_writer.isEmpty();
        if (readable || pending)
            fds[count++] = {ChannelFd, short((readable ? POLLIN : 0) | (pending ? POLLOUT : 0)), 0};
        if (m_stdinOpen)
            fds[count++] = {STDIN_FILENO, POLLIN, 0};
        std::int64_t wakeNs = -1; // a deliberate pause (the schedule) ends then
        if (m_canSend && m_nextScript < m_scriptSize)
            wakeNs = m_nextSendNs;
        if (m_canReceive && !readable && m_channelOpen)
            wakeNs = wakeNs < 0 ? m_nextReadNs : std::min(wakeNs, m_nextReadNs);
        if (m_canReceive && !m_channelOpen && !m_reader.hasWholeFrame())
            break; // end of file and every whole frame handed over
        const auto untilWake = wakeNs - monotonicNowNs();
        const int timeoutMs = wakeNs < 0 ? int(Pacing::HeartbeatNs / 1'000'000)
            : untilWake <= 0             ? 0
                                         : int(std::min(untilWake, Pacing::HeartbeatNs) / 1'000'000 + 1);
        // Nothing scheduled and nothing to read: blocked on the other side. A pause on the schedule: the lesson's
        // own sleep. Either lasts until poll() returns.
        const bool blocked = wakeNs < 0 && (readable || pending);
        const bool pausing = wakeNs >= 0 && untilWake > 0;
        m_clock.enter(blocked ? WorkerState::Waiting : pausing ? WorkerState::Sleeping : WorkerState::Running);
        if (pausing && untilWake >= StateClock::IntervalMinNs)
            m_clock.announce();
        // A blocked wait gets a millisecond's grace before it is announced: in a throughput run most end within it.
        int ready = poll(fds, nfds_t(count), blocked ? std::min(timeoutMs, 1) : timeoutMs);
        if (ready == 0 && blocked && timeoutMs > 1) {
            m_clock.announce();
            ready = poll(fds, nfds_t(count), timeoutMs - 1);
        }
        m_clock.enter(WorkerState::Running);
        if (ready == 0 && wakeNs >= 0)
            m_clock.progress(progressDone(), progressTotal()); // a paced pause is no stall
        for (int i = 0; i < count && ready > 0; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == STDIN_FILENO) {
                readInput();
                continue;
            }
            // A hang-up or error while writing shows in the next write, as EPIPE.
            if (pending && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP)) && !flush())
                failed = true;
            if (readable && (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) && !m_reader.readMore())
                m_channelOpen = false;
        }
        if (failed)
            break;
    }
    m_clock.progress(m_report.sent.load() + m_report.received.load(),
        std::max<std::int64_t>(1, m_report.sent.load() + m_report.received.load()));
    m_clock.finish(m_report.received.load());
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/// Every latency recorded, in nanoseconds.
QList<std::int64_t> allLatencies(const PipeHeader& header, const PipeShape& shape)
{
    QList<std::int64_t> all;
    for (int endpoint = 0; endpoint < 2; ++endpoint) {
        const auto n = std::min(header.endpoints[endpoint].received.load(), shape.latencySlots());
        const auto* values = latencies(const_cast<PipeHeader*>(&header), shape, endpoint);
        for (std::int64_t i = 0; i < n; ++i)
            all.append(values[i]);
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
        return Endpoint(context, *memory->as<PipeHeader>(), shape).run();
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
    const auto& header = resources.header();
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
        if (report.sent.load() != partner.received.load()
            || logLines(report.sentLog, report.sentLogBytes) != logLines(partner.receivedLog, partner.receivedLogBytes))
            allArrived = false;
        sentBy.insert(
            QString::number(pids[e]), QJsonArray::fromStringList(logLines(report.sentLog, report.sentLogBytes)));
        receivedBy.insert(QString::number(pids[e]),
            QJsonArray::fromStringList(logLines(report.receivedLog, report.receivedLogBytes)));
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
