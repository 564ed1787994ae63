// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "runcommand.h"
#include "scenario/scenarioregistry.h"
#include "textoutput.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace ProcViz {

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
                + tr("Usage: procviz run SCENARIO [OPTIONS]\nScenarios: %1. 'procviz run SCENARIO --help' shows "
                     "the options of one, 'procviz list' all of them.\n")
                      .arg(ScenarioRegistry::instance().ids().join(QLatin1String(", "))));
        return help ? Success : BadUsage;
    }
    const Scenario* scenario = ScenarioRegistry::instance().find(id);
    if (!scenario) {
        print(stderr, unknownScenario(id));
        return BadUsage;
    }
    return RunCommand(*scenario).exec(arguments);
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
              "      [--quiet]                     no live progress line\n"
              "      [--kill|--stop|--cont TARGET@SECONDS] [--watchdog-s N] [--repeat N] ...\n"
              "                                    faults and limits: 'procviz run SCENARIO --help'\n"
              "  shot SCENARIO [--PARAM VALUE]... --out FILE.png|FILE.pdf [--size WxH] [--lang en|ko]\n"
              "                                    run it in the window and save the dashboard\n"
              "  (no command)                      open the window\n\n"
              "Options:\n"
              "  -h, --help                        show this help ('procviz run SCENARIO --help' for one scenario)\n"
              "  -v, --version                     show the version\n"
              "  --lang en|ko                      the language of messages and of the window (the command\n"
              "                                    line speaks English unless asked; the window follows the\n"
              "                                    system's locale)\n\n"
              "Exit status: 0 the command did its work (a run happened, whatever the lesson's verdict); 1 the run\n"
              "could not be carried out or a file not written; 2 bad usage, nothing started; 130 / 143 a run\n"
              "stopped by SIGINT / SIGTERM, its workers ended cleanly and its summary and files still written.\n");
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
        text += parameterHelp(*scenario) + QLatin1Char('\n');
    }
    text += tr("Run one with: procviz run SCENARIO [--PARAMETER VALUE]...\n");
    return text;
}

QByteArray CommandLine::listJson() const
{
    QJsonArray scenarios;
    for (const Scenario* scenario : ScenarioRegistry::instance().all()) {
        QJsonArray parameters;
        for (const auto& spec : scenario->parameters().specs()) {
            const bool integer = spec.type == ParameterSpec::Type::Integer;
            const bool choice = spec.type == ParameterSpec::Type::Choice;
            parameters.append(QJsonObject {
                {QStringLiteral("name"), spec.name},
                {QStringLiteral("type"), spec.typeName()},
                {QStringLiteral("default"), QJsonValue::fromVariant(spec.defaultValue)},
                {QStringLiteral("min"), integer ? QJsonValue(spec.minimum) : QJsonValue()},
                // For text, max is the longest value allowed, in characters.
                {QStringLiteral("max"), choice ? QJsonValue() : QJsonValue(spec.maximum)},
                {QStringLiteral("choices"),
                    choice ? QJsonValue(QJsonArray::fromStringList(spec.choices)) : QJsonValue()},
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
