// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcommand.h"

#include "commandline.h"
#include "engine/runcontroller.h"
#include "export/atomicfile.h"
#include "export/csvexporter.h"
#include "export/jsonexporter.h"
#include "export/traceexporter.h"
#include "runreport.h"
#include "scenario/scenario.h"
#include "signalguard.h"
#include "textoutput.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr int NotDone = -1;

const QList<std::pair<FaultAction::Kind, const char*>> FaultOptions = {
    {FaultAction::Kind::Kill, "kill"},
    {FaultAction::Kind::Stop, "stop"},
    {FaultAction::Kind::Continue, "cont"},
};

bool parseBounded(const QString& text, int minimum, int maximum, int* value)
{
    bool ok = false;
    *value = text.trimmed().toInt(&ok);
    return ok && *value >= minimum && *value <= maximum;
}
} // namespace

RunCommand::RunCommand(const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_outputs({
          {{QStringLiteral("json"), tr("Write the run as JSON."), QStringLiteral("file")}, &JsonExporter::write, {}},
          {{QStringLiteral("trace"), tr("Write a Chrome trace."), QStringLiteral("file")}, &TraceExporter::write, {}},
          {{QStringLiteral("csv"), tr("Write the samples as CSV."), QStringLiteral("file")}, &CsvExporter::write, {}},
      })
{ }

int RunCommand::parse(const QStringList& arguments)
{
    const QString id = m_scenario.id();
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto helpOption = parser.addHelpOption();
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("No live progress line."));
    const QCommandLineOption watchdogOption(QStringLiteral("watchdog-s"), tr("Watchdog."), QStringLiteral("seconds"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), tr("Repeat."), QStringLiteral("n"));
    const QCommandLineOption cpuLimitOption(QStringLiteral("cpu-limit-s"), tr("CPU limit."), QStringLiteral("s"));
    const QCommandLineOption timeLimitOption(QStringLiteral("time-limit-s"), tr("Time limit."), QStringLiteral("s"));
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"), tr("Runtime."), QStringLiteral("cpp|python"));
    const QCommandLineOption pythonOption(QStringLiteral("python"), tr("Python."), QStringLiteral("path"));
    parser.addOptions(
        {quietOption, watchdogOption, repeatOption, cpuLimitOption, timeLimitOption, runtimeOption, pythonOption});
    QList<QCommandLineOption> faultOptions;
    for (const auto& [kind, name] : FaultOptions)
        faultOptions.append({QString::fromLatin1(name), tr("Fault."), QStringLiteral("target@seconds")});
    parser.addOptions(faultOptions);
    for (const auto& output : std::as_const(m_outputs))
        parser.addOption(output.option);
    const auto& specs = m_scenario.parameters().specs();
    QList<QCommandLineOption> parameterOptions;
    for (const auto& spec : specs)
        parameterOptions.append(QCommandLineOption(spec.name, spec.translatedHelp(), spec.name));
    parser.addOptions(parameterOptions);

    const QString usage = tr("Try 'procviz run %1 --help'.").arg(id) + QLatin1Char('\n');
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty()) {
            print(stderr, parser.errorText() + QLatin1Char('\n') + usage);
        } else {
            QStringList accepted;
            for (const auto& spec : specs)
                accepted.append(QLatin1String("--") + spec.name);
            print(stderr,
                tr("Unknown option --%1: scenario '%2' accepts %3, and --runtime, --python, --kill, --stop, --cont, "
                   "--watchdog-s, --cpu-limit-s, --time-limit-s, --repeat, --json, --trace, --csv, --quiet.")
                        .arg(unknown.first(), id, accepted.join(QLatin1String(", ")))
                    + QLatin1Char('\n'));
        }
        return CommandLine::BadUsage;
    }
    if (parser.isSet(helpOption)) {
        print(stdout, help(m_scenario));
        return CommandLine::Success;
    }
    if (parser.positionalArguments().size() > 1) {
        print(stderr,
            tr("Unexpected argument '%1'.").arg(parser.positionalArguments().at(1)) + QLatin1Char('\n') + usage);
        return CommandLine::BadUsage;
    }
    auto refuse = [](const QString& message) {
        print(stderr, message + QLatin1Char('\n'));
        return int(CommandLine::BadUsage);
    };

    for (qsizetype i = 0; i < specs.size(); ++i) {
        if (parser.isSet(parameterOptions.at(i)))
            m_params.insert(specs.at(i).name, parser.value(parameterOptions.at(i)));
    }
    for (qsizetype i = 0; i < faultOptions.size(); ++i) {
        for (const auto& value : parser.values(faultOptions.at(i))) {
            QString error;
            const auto fault = FaultAction::parse(FaultOptions.at(i).first, value, &error);
            if (!fault)
                return refuse(error);
            m_options.faults.append(*fault);
        }
    }
    // Out-of-range numbers are left to RunOptions::check() below, which names the option and its range.
    for (const auto& [option, value] : {std::pair {&watchdogOption, &m_options.watchdogSeconds},
             {&cpuLimitOption, &m_options.cpuLimitSeconds}, {&timeLimitOption, &m_options.timeLimitSeconds}}) {
        if (parser.isSet(*option) && !parseBounded(parser.value(*option), INT_MIN, INT_MAX, value))
            return refuse(tr("Invalid value '%1' for --%2: allowed is a whole number of seconds.")
                              .arg(parser.value(*option), option->names().constFirst()));
    }
    if (parser.isSet(runtimeOption)) {
        const auto runtime = RunOptions::runtimeFromId(parser.value(runtimeOption));
        if (!runtime)
            return refuse(tr("Invalid value '%1' for --runtime: allowed is cpp or python.").arg(parser.value(runtimeOption)));
        m_options.runtime = *runtime;
    }
    m_options.python = parser.value(pythonOption);
    if (!m_options.python.isEmpty() && m_options.runtime != RunOptions::Runtime::Python)
        return refuse(tr("--python names the interpreter of --runtime python; add --runtime python."));
    if (parser.isSet(repeatOption) && !parseBounded(parser.value(repeatOption), 1, MaxRepeat, &m_repeat)) {
        return refuse(tr("Invalid value '%1' for --repeat: allowed is an integer from 1 to %2.")
                          .arg(parser.value(repeatOption))
                          .arg(MaxRepeat));
    }
    if (const QString error = RunController::check(id, m_params, nullptr, m_options); !error.isEmpty())
        return refuse(error);
    // A run can take minutes: refuse an unwritable destination before it, not after.
    for (auto& output : m_outputs) {
        if (!parser.isSet(output.option))
            continue;
        output.path = parser.value(output.option);
        if (const QString problem = outputProblem(output.option.names().constFirst(), output.path); !problem.isEmpty())
            return refuse(problem);
    }
    m_quiet = parser.isSet(quietOption);
    return NotDone;
}

int RunCommand::exec(const QStringList& arguments)
{
    if (const int status = parse(arguments); status != NotDone)
        return status;

    RunController controller;
    m_stopSignal = 0;
    const SignalGuard guard([&](int signal) {
        switch (signal) {
        case SIGTSTP:
            // Ctrl-Z: the workers are in a session of their own, out of the terminal's reach; pause them
            // with us, and let `fg` (SIGCONT) resume them.
            controller.pause();
            raise(SIGSTOP);
            return;
        case SIGCONT:
            controller.resume();
            return;
        default:
            if (!m_stopSignal)
                m_stopSignal = signal;
            controller.stop();
        }
    });
    const bool live = !m_quiet && isatty(STDERR_FILENO);
    for (int run = 1; run <= m_repeat && !m_stopSignal; ++run) {
        QString failure;
        if (!runOnce(controller, live, &failure)) {
            print(stderr, failure + QLatin1Char('\n'));
            // Earlier phases may have run for real: what they did is still worth the summary and the files.
            if (!controller.model().workers().isEmpty()) {
                print(stdout, RunReport::summary(m_scenario, controller.model()));
                writeOutputs(controller.model());
            }
            return CommandLine::RunFailed;
        }
        recordRepeat(controller.model(), run);
    }

    const RunModel& model = controller.model();
    print(stdout, RunReport::summary(m_scenario, model));
    if (m_repeat > 1)
        print(stdout, repeatDistribution());
    const int status = writeOutputs(model);
    if (m_stopSignal) {
        print(stderr,
            tr("Stopped by %1: the workers were ended; the summary and files hold what ran.\n")
                .arg(QStringLiteral("SIG") + QLatin1String(sigabbrev_np(m_stopSignal))));
        return status == CommandLine::Success ? 128 + m_stopSignal : status;
    }
    return status;
}

bool RunCommand::runOnce(RunController& controller, bool live, QString* failure)
{
    QEventLoop loop;
    bool over = false;
    connect(&controller, &RunController::finished, &loop, [&] {
        over = true;
        loop.quit();
    });
    connect(&controller, &RunController::failed, &loop, [&](const QString& message) {
        *failure = message;
        over = true;
        loop.quit();
    });
    // The program's own output (the Python runtime) as it would print in a terminal, under the progress line.
    connect(&controller, &RunController::outputLine, &loop, [&](bool error, const QString& line) {
        if (live)
            print(stderr, QStringLiteral("\r\x1b[K"));
        print(error ? stderr : stdout, line + QLatin1Char('\n'));
    });
    QTimer progressTimer;
    if (live) {
        progressTimer.setInterval(100);
        connect(&progressTimer, &QTimer::timeout, &loop, [&] {
            print(stderr, QLatin1Char('\r') + RunReport::progressLine(controller.model()) + QStringLiteral("\x1b[K"));
        });
        progressTimer.start();
    }
    if (controller.start(m_scenario.id(), m_params, m_options) && !over)
        loop.exec();
    if (live)
        print(stderr, QStringLiteral("\r\x1b[K"));
    return failure->isEmpty();
}

void RunCommand::recordRepeat(const RunModel& model, int run)
{
    if (m_repeat == 1)
        return;
    const QJsonObject entry {
        {QStringLiteral("run"), run},
        {QStringLiteral("outcome"), model.outcomeId()},
        {QStringLiteral("elapsed_s"), double(model.endNs()) / 1e9},
        {QStringLiteral("result"), model.result()},
    };
    m_repeats.append(entry);
    QStringList figures;
    const auto result = model.result();
    for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
        if (it.value().isDouble())
            figures.append(it.key() + QLatin1Char('=') + QString::number(it.value().toDouble()));
    }
    print(stdout,
        tr("run %1/%2: %3 · %4\n").arg(run).arg(m_repeat).arg(model.outcomeId(), figures.join(QLatin1String(" "))));
}

QString RunCommand::repeatDistribution() const
{
    // Every number the runs' results share, as min / median / max: for `lock --lock off`, how many
    // updates each run lost.
    QMap<QString, QList<double>> values;
    for (const auto& entry : m_repeats) {
        const auto result = entry[QStringLiteral("result")].toObject();
        for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
            if (it.value().isDouble())
                values[it.key()].append(it.value().toDouble());
        }
    }
    QString text = tr("\nOver %n run(s)\n", nullptr, int(m_repeats.size()));
    for (auto it = values.begin(); it != values.end(); ++it) {
        auto& list = it.value();
        std::sort(list.begin(), list.end());
        text += QStringLiteral("  %1 min %2 · median %3 · max %4\n")
                    .arg(QString(it.key() + QLatin1Char(':')).leftJustified(22))
                    .arg(list.first())
                    .arg(list.at(list.size() / 2))
                    .arg(list.last());
    }
    return text;
}

int RunCommand::writeOutputs(const RunModel& model) const
{
    int status = CommandLine::Success;
    for (const auto& output : m_outputs) {
        if (output.path.isEmpty())
            continue;
        QString error;
        bool written = false;
        if (output.write == &JsonExporter::write && !m_repeats.isEmpty()) {
            // With --repeat the document is the last run's, plus every run's outcome and result.
            auto document = JsonExporter::toJson(model);
            document.insert(QStringLiteral("repeats"), m_repeats);
            written = writeFileAtomically(output.path, QJsonDocument(document).toJson(), &error);
        } else {
            written = output.write(model, output.path, &error);
        }
        if (!written) {
            print(stderr, error + QLatin1Char('\n'));
            status = CommandLine::RunFailed;
        }
    }
    return status;
}

QString RunCommand::outputProblem(const QString& option, const QString& path)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return tr("--%1 needs a file name.").arg(option);
    if (info.isDir())
        return tr("--%1 %2: that is a folder.").arg(option, path);
    if (!info.absoluteDir().exists())
        return tr("--%1 %2: folder '%3' does not exist.").arg(option, path, info.absolutePath());
    return {};
}

QString RunCommand::help(const Scenario& scenario)
{
    return tr("Usage: procviz run %1 [--PARAMETER VALUE]... [--kill|--stop|--cont TARGET@SECONDS]...\n"
              "       [--watchdog-s N] [--repeat N] [--json FILE] [--trace FILE] [--csv FILE] [--quiet]\n\n"
              "%2\n%3\nParameters:\n%4\n"
              "Faults and limits:\n"
              "  --kill TARGET@SECONDS    SIGKILL a worker that long after the start; TARGET is a worker index\n"
              "                           or 'holder' (whoever holds the lock or a permit then); repeatable\n"
              "  --stop / --cont TARGET@SECONDS   SIGSTOP / SIGCONT likewise\n"
              "  --watchdog-s N           end the run as a deadlock when no worker progresses for N seconds\n"
              "                           (default %5; 0 turns it off)\n"
              "  --cpu-limit-s N          CPU seconds each worker may use (default %7); past it: SIGXCPU\n"
              "  --time-limit-s N         seconds the whole run may last (default %8); then it is stopped\n"
              "  --repeat N               run N times (1 to %6) and show the spread of the results\n\n"
              "Output:\n"
              "  --json FILE              write the whole run as JSON\n"
              "  --trace FILE             write a trace for ui.perfetto.dev or chrome://tracing\n"
              "  --csv FILE               write the /proc samples of every worker as CSV\n"
              "  --quiet                  no live progress line\n")
        .arg(scenario.id(), scenario.title(), wrapped(scenario.summary(), 0), parameterHelp(scenario))
        .arg(RunOptions::DefaultWatchdogSeconds)
        .arg(MaxRepeat)
        .arg(RunOptions::DefaultCpuLimitSeconds)
        .arg(RunOptions::DefaultTimeLimitSeconds);
}

} // namespace ProcViz
