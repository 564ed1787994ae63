// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "engine/runcontroller.h"
#include "export/csvexporter.h"
#include "export/jsonexporter.h"
#include "export/traceexporter.h"
#include "runreport.h"
#include "scenario/scenarioregistry.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <signal.h>
#include <string.h>
#include <unistd.h>

namespace ProcViz {

namespace {
void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// Help texts are single sentences of any length; a terminal wants them folded, indented under their option.
QString wrapped(const QString& text, int indent, int width = 100)
{
    const QString margin(indent, QLatin1Char(' '));
    QString result = margin;
    qsizetype lineLength = indent;
    for (const auto& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (lineLength > indent && lineLength + 1 + word.size() > width) {
            result += QLatin1Char('\n') + margin;
            lineLength = indent;
        } else if (lineLength > indent) {
            result += QLatin1Char(' ');
            ++lineLength;
        }
        result += word;
        lineLength += word.size();
    }
    return result + QLatin1Char('\n');
}

// Ctrl-C must stop the workers, not orphan them: the handler only writes the signal number to a pipe,
// and the event loop reads it and stops the run like the window's Stop button does.
class SignalGuard
{
public:
    explicit SignalGuard(std::function<void(int)> onSignal)
    {
        if (pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [onSignal] {
            unsigned char signal = 0;
            while (::read(s_pipe[0], &signal, 1) == 1)
                onSignal(signal);
        });
        struct sigaction action = {};
        action.sa_handler = &SignalGuard::handler;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_oldInt);
        sigaction(SIGTERM, &action, &m_oldTerm);
    }

    ~SignalGuard()
    {
        if (!m_notifier)
            return;
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
        m_notifier.reset();
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
        s_pipe[0] = s_pipe[1] = -1;
    }

private:
    static void handler(int signal)
    {
        const int savedErrno = errno;
        const auto byte = static_cast<unsigned char>(signal);
        [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
        errno = savedErrno;
    }

    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

struct OutputFile
{
    QCommandLineOption option;
    bool (*write)(const RunModel&, const QString&, QString*);
    QString path;
};
} // namespace

CommandLine::CommandLine(QObject* parent)
    : QObject(parent)
{ }

int CommandLine::exec(const QStringList& arguments)
{
    QCommandLineParser parser;
    const auto helpOption = parser.addHelpOption();
    const auto versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("list or run"));
    // Everything after the command belongs to the command: `run timing --workers 4`.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments)) {
        print(stderr, parser.errorText() + QLatin1Char('\n') + tr("Try 'procviz --help'.\n"));
        return BadUsage;
    }
    if (parser.isSet(versionOption)) {
        print(stdout, QStringLiteral("procviz " PROCVIZ_VERSION "\n"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (parser.isSet(helpOption)) {
        print(stdout, globalHelp());
        return Success;
    }
    const QStringList rest = QStringList {arguments.value(0)} + positional.mid(1);
    if (command == QLatin1String("list"))
        return list(rest);
    if (command == QLatin1String("run"))
        return run(rest);
    print(stderr,
        (command.isEmpty() ? tr("No command given.") : tr("Unknown command '%1'.").arg(command)) + QLatin1Char('\n')
            + globalHelp());
    return BadUsage;
}

int CommandLine::list(const QStringList& arguments)
{
    QCommandLineParser parser;
    const auto helpOption = parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the list as JSON."));
    parser.addOption(jsonOption);
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        const auto error = parser.errorText().isEmpty()
            ? tr("Unexpected argument '%1'.").arg(parser.positionalArguments().value(0))
            : parser.errorText();
        print(stderr, error + QLatin1Char('\n') + tr("Usage: procviz list [--json]\n"));
        return BadUsage;
    }
    if (parser.isSet(helpOption)) {
        print(stdout,
            tr("Usage: procviz list [--json]\n\nLists the scenarios, their parameters, defaults and "
               "allowed values.\n  --json  print the list as JSON\n"));
        return Success;
    }
    if (parser.isSet(jsonOption)) {
        const QByteArray json = listJson();
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return Success;
    }
    print(stdout, listText());
    return Success;
}

int CommandLine::run(const QStringList& arguments)
{
    const QString id = arguments.value(1);
    if (id.isEmpty() || id.startsWith(QLatin1Char('-'))) {
        const bool help = id == QLatin1String("-h") || id == QLatin1String("--help");
        print(help ? stdout : stderr,
            (help ? QString() : tr("Name the scenario first.") + QLatin1Char('\n'))
                + tr("Usage: procviz run SCENARIO [--PARAMETER VALUE]... [--json FILE] [--trace FILE] [--csv FILE] "
                     "[--quiet]\nScenarios: %1. 'procviz list' shows their parameters.\n")
                      .arg(ScenarioRegistry::instance().ids().join(QLatin1String(", "))));
        return help ? Success : BadUsage;
    }
    const Scenario* scenario = ScenarioRegistry::instance().find(id);
    if (!scenario) {
        print(stderr, unknownScenario(id));
        return BadUsage;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto helpOption = parser.addHelpOption();
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("No live progress line."));
    parser.addOption(quietOption);
    QList<OutputFile> outputs = {
        {{QStringLiteral("json"), tr("Write the run as JSON."), QStringLiteral("file")}, &JsonExporter::write, {}},
        {{QStringLiteral("trace"), tr("Write a Chrome trace."), QStringLiteral("file")}, &TraceExporter::write, {}},
        {{QStringLiteral("csv"), tr("Write the samples as CSV."), QStringLiteral("file")}, &CsvExporter::write, {}},
    };
    for (const auto& output : outputs)
        parser.addOption(output.option);
    const auto specs = scenario->parameters().specs();
    QList<QCommandLineOption> parameterOptions;
    for (const auto& spec : specs) {
        parameterOptions.append(QCommandLineOption(spec.name, spec.translatedHelp(), spec.name));
        if (!parser.addOption(parameterOptions.last()))
            qWarning(
                "Parameter --%s of scenario %s clashes with an option of 'run'", qPrintable(spec.name), qPrintable(id));
    }

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
                tr("Unknown option --%1: scenario '%2' accepts %3, and --json, --trace, --csv, --quiet.")
                        .arg(unknown.first(), id, accepted.join(QLatin1String(", ")))
                    + QLatin1Char('\n'));
        }
        return BadUsage;
    }
    if (parser.isSet(helpOption)) {
        print(stdout, runHelp(*scenario));
        return Success;
    }
    if (parser.positionalArguments().size() > 1) {
        print(stderr,
            tr("Unexpected argument '%1'.").arg(parser.positionalArguments().at(1)) + QLatin1Char('\n') + usage);
        return BadUsage;
    }

    QVariantMap given;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        if (parser.isSet(parameterOptions.at(i)))
            given.insert(specs.at(i).name, parser.value(parameterOptions.at(i)));
    }
    if (const QString error = RunController::check(id, given); !error.isEmpty()) {
        print(stderr, error + QLatin1Char('\n'));
        return BadUsage;
    }
    // A run can take minutes: refuse an unwritable destination before it, not after.
    for (auto& output : outputs) {
        if (!parser.isSet(output.option))
            continue;
        output.path = parser.value(output.option);
        if (const QString problem = outputProblem(output.option.names().constFirst(), output.path);
            !problem.isEmpty()) {
            print(stderr, problem + QLatin1Char('\n'));
            return BadUsage;
        }
    }

    RunController controller;
    QEventLoop loop;
    QString failure;
    bool over = false;
    connect(&controller, &RunController::finished, &loop, [&] {
        over = true;
        loop.quit();
    });
    connect(&controller, &RunController::failed, &loop, [&](const QString& message) {
        failure = message;
        over = true;
        loop.quit();
    });
    m_stopSignal = 0;
    const SignalGuard guard([&](int signal) {
        if (!m_stopSignal)
            m_stopSignal = signal;
        controller.stop();
    });
    QTimer progressTimer;
    const bool live = !parser.isSet(quietOption) && isatty(STDERR_FILENO);
    if (live) {
        progressTimer.setInterval(100);
        connect(&progressTimer, &QTimer::timeout, this, [&] {
            print(stderr, QLatin1Char('\r') + RunReport::progressLine(controller.model()) + QStringLiteral("\x1b[K"));
        });
        progressTimer.start();
    }

    if (controller.start(id, given) && !over)
        loop.exec();
    if (live)
        print(stderr, QStringLiteral("\r\x1b[K"));
    if (!failure.isEmpty()) {
        print(stderr, failure + QLatin1Char('\n'));
        return RunFailed;
    }

    const RunModel& model = controller.model();
    print(stdout, RunReport::summary(*scenario, model));
    int status = Success;
    for (const auto& output : outputs) {
        QString error;
        if (!output.path.isEmpty() && !output.write(model, output.path, &error)) {
            print(stderr, error + QLatin1Char('\n'));
            status = RunFailed;
        }
    }
    if (m_stopSignal) {
        print(stderr,
            tr("Stopped by %1: the workers were ended; the summary and files hold what ran.\n")
                .arg(QStringLiteral("SIG") + QLatin1String(sigabbrev_np(m_stopSignal))));
        return status == Success ? 128 + m_stopSignal : status;
    }
    return status;
}

QString CommandLine::outputProblem(const QString& option, const QString& path) const
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

QString CommandLine::globalHelp() const
{
    return tr("Usage: procviz COMMAND [OPTIONS]\n"
              "Real processes, charted live: a multiprocessing classroom.\n\n"
              "Commands:\n"
              "  list [--json]                     the scenarios, their parameters and allowed values\n"
              "  run SCENARIO [--PARAM VALUE]...   run a scenario as real processes and summarise it\n"
              "      [--json FILE]                 also write the whole run as JSON\n"
              "      [--trace FILE]                also write a trace for ui.perfetto.dev or chrome://tracing\n"
              "      [--csv FILE]                  also write the /proc samples of every worker as CSV\n"
              "      [--quiet]                     no live progress line\n\n"
              "Options:\n"
              "  -h, --help                        show this help ('procviz run SCENARIO --help' for one scenario)\n"
              "  -v, --version                     show the version\n\n"
              "Exit status: 0 the command did its work (a run happened, whatever the lesson's verdict); 1 the run\n"
              "could not be carried out or a file not written; 2 bad usage, nothing started; 130 / 143 a run\n"
              "stopped by SIGINT / SIGTERM, its workers ended cleanly and its summary and files still written.\n");
}

QString CommandLine::runHelp(const Scenario& scenario) const
{
    return tr("Usage: procviz run %1 [--PARAMETER VALUE]... [--json FILE] [--trace FILE] [--csv FILE] [--quiet]\n\n"
              "%2\n%3\nParameters:\n%4\n"
              "Output:\n"
              "  --json FILE              write the whole run as JSON\n"
              "  --trace FILE             write a trace for ui.perfetto.dev or chrome://tracing\n"
              "  --csv FILE               write the /proc samples of every worker as CSV\n"
              "  --quiet                  no live progress line\n")
        .arg(scenario.id(), scenario.title(), wrapped(scenario.summary(), 0), parameterRows(scenario));
}

QString CommandLine::parameterRows(const Scenario& scenario) const
{
    QString rows;
    const ParameterTable table = scenario.parameters(); // the loop must not outlive a temporary table
    for (const auto& spec : table.specs()) {
        const QString valueName = spec.type == ParameterSpec::Type::Integer ? QStringLiteral("N") : spec.name.toUpper();
        const QString option = QStringLiteral("  --%1 %2").arg(spec.name, valueName);
        rows += option.leftJustified(26) + QLatin1Char(' ')
            + tr("default %1; %2").arg(spec.defaultValue.toString(), spec.allowedValues()) + QLatin1Char('\n');
        if (const QString help = spec.translatedHelp(); !help.isEmpty())
            rows += wrapped(help, 27);
    }
    return rows;
}

QString CommandLine::unknownScenario(const QString& id) const
{
    return tr("Unknown scenario '%1'. Known scenarios: %2.\n")
        .arg(id, ScenarioRegistry::instance().ids().join(QLatin1String(", ")));
}

QString CommandLine::listText() const
{
    QString text;
    for (const Scenario* scenario : ScenarioRegistry::instance().all()) {
        text += scenario->id() + QStringLiteral(" — ") + scenario->title() + QLatin1Char('\n');
        text += wrapped(scenario->summary(), 2);
        text += QStringLiteral("  ") + tr("roles: %1").arg(scenario->roles().join(QLatin1String(", ")))
            + QLatin1Char('\n');
        text += parameterRows(*scenario) + QLatin1Char('\n');
    }
    text += tr("Run one with: procviz run SCENARIO [--PARAMETER VALUE]...\n");
    return text;
}

QByteArray CommandLine::listJson() const
{
    QJsonArray scenarios;
    for (const Scenario* scenario : ScenarioRegistry::instance().all()) {
        QJsonArray parameters;
        const ParameterTable table = scenario->parameters();
        for (const auto& spec : table.specs()) {
            const bool integer = spec.type == ParameterSpec::Type::Integer;
            parameters.append(QJsonObject {
                {QStringLiteral("name"), spec.name},
                {QStringLiteral("type"), spec.typeName()},
                {QStringLiteral("default"), QJsonValue::fromVariant(spec.defaultValue)},
                {QStringLiteral("min"), integer ? QJsonValue(spec.minimum) : QJsonValue()},
                {QStringLiteral("max"), integer ? QJsonValue(spec.maximum) : QJsonValue()},
                {QStringLiteral("choices"),
                    integer ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(spec.choices))},
                {QStringLiteral("help"), spec.translatedHelp()},
            });
        }
        scenarios.append(QJsonObject {
            {QStringLiteral("id"), scenario->id()},
            {QStringLiteral("title"), scenario->title()},
            {QStringLiteral("summary"), scenario->summary()},
            {QStringLiteral("roles"), QJsonArray::fromStringList(scenario->roles())},
            {QStringLiteral("parameters"), parameters},
        });
    }
    return QJsonDocument(scenarios).toJson(QJsonDocument::Indented);
}

} // namespace ProcViz
