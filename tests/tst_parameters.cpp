// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/runcontroller.h"
#include "scenario/parameter.h"
#include "scenario/parametertable.h"
#include "scenario/scenarioregistry.h"

#include <QTest>

#include <csignal>

using namespace ProcViz;

namespace {
const auto Workers = IntParameter::integer("workers", 4, 1, 64, "Workers.");
const auto Mode = TextParameter::choice("mode", QStringLiteral("on"), {QStringLiteral("on"), QStringLiteral("off")}, "Mode.");
const auto Rounds = IntParameter::integer("rounds", 10, 1, 100, "Rounds, in no table below.");

// A choice is a text and a count an integer: declaring either as the other does not compile.
template<typename P>
concept DeclaresChoices = requires { P::choice("x", QString(), QStringList(), ""); };
template<typename P>
concept DeclaresIntegers = requires { P::integer("x", 0, 0, 1, ""); };
static_assert(DeclaresChoices<TextParameter> && !DeclaresChoices<IntParameter>);
static_assert(DeclaresIntegers<IntParameter> && !DeclaresIntegers<TextParameter>);
static_assert(std::same_as<decltype(Workers(QVariantMap())), qint64>);
static_assert(std::same_as<decltype(Mode(QVariantMap())), QString>);
} // namespace

class TestParameters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registryHasScenarios()
    {
        const auto ids = ScenarioRegistry::instance().ids();
        QVERIFY(ids.contains(QStringLiteral("timing")));
        QVERIFY(ids.contains(QStringLiteral("lifecycle")));
        for (const auto* scenario : ScenarioRegistry::instance().all()) {
            QVERIFY(!scenario->title().isEmpty());
            QVERIFY(!scenario->summary().isEmpty());
            QVERIFY(!scenario->roles().isEmpty());
            // Every default must pass the scenario's own checks.
            QVERIFY2(RunController::check(scenario->id(), {}).isEmpty(), qPrintable(scenario->id()));
        }
    }

    void typedParametersReadTheirTable()
    {
        const ParameterTable table({Workers, Mode});
        const auto resolved = table.resolve({{QStringLiteral("workers"), QStringLiteral("8")}});
        QVERIFY(resolved.isValid());
        QCOMPARE(Workers(resolved.values), 8);
        QCOMPARE(Mode(resolved.values), QStringLiteral("on"));
        // A parameter the table does not define is refused: not found among the values, and not accepted as
        // input by name either.
        QCOMPARE(Rounds.find(resolved.values), std::nullopt);
        QVERIFY(!table.find(Rounds.name()));
        const auto refused = table.resolve({{QStringLiteral("rounds"), 5}});
        QVERIFY(!refused.isValid());
        QVERIFY2(refused.error.contains(QLatin1String("rounds")), qPrintable(refused.error));
    }

    void defaultsAreFilledIn()
    {
        QVariantMap resolved;
        QCOMPARE(RunController::check(
                     QStringLiteral("timing"), {{QStringLiteral("workers"), QStringLiteral("8")}}, &resolved),
            QString());
        QCOMPARE(resolved.value(QStringLiteral("workers")).toLongLong(), 8);
        QCOMPARE(resolved.value(QStringLiteral("mode")).toString(), QStringLiteral("all"));
        QVERIFY(resolved.value(QStringLiteral("iterations")).toLongLong() > 0);
    }

    void badValuesNameTheParameter_data()
    {
        struct Row
        {
            const char* tag;
            const char* scenario;
            const char* name;
            const char* value;
            const char* mustMention;
        };
        // clang-format off
        const Row rows[] = {
            {"workers zero", "timing", "workers", "0", "from 1 to 64"},
            {"workers negative", "timing", "workers", "-3", "from 1 to 64"},
            {"workers over", "timing", "workers", "65", "from 1 to 64"},
            {"workers text", "timing", "workers", "four", "--workers"},
            {"workers empty", "timing", "workers", "", "--workers"},
            {"workers fraction", "timing", "workers", "1.5", "--workers"},
            {"iterations over", "timing", "iterations", "1e12", "--iterations"},
            {"mode unknown", "timing", "mode", "fibers", "sequential, threads, gil, processes, all"},
            {"unknown option", "timing", "bogus", "1", "--bogus"},
            {"exit code over", "lifecycle", "exit-code", "256", "from 0 to 255"},
            {"join delay over", "lifecycle", "join-after-ms", "60001", "from 0 to 60000"},
            {"jitter text", "lifecycle", "sleep-jitter-ms", "some", "--sleep-jitter-ms"},
            {"unknown scenario", "nosuch", "workers", "1", "timing"},
            {"lock workers zero", "lock", "workers", "0", "from 1 to 64"},
            {"lock increments negative", "lock", "increments", "-5", "from 1 to 100000000"},
            {"lock increments over", "lock", "increments", "100000001", "--increments"},
            {"lock mode unknown", "lock", "lock", "maybe", "off, on, robust"},
            {"lock work text", "lock", "work-ns", "slow", "--work-ns"},
            {"semaphore permits zero", "semaphore", "permits", "0", "--permits"},
            {"semaphore permits over workers", "semaphore", "permits", "7", "number of workers (6)"},
            {"semaphore hold over", "semaphore", "hold-ms", "60001", "from 0 to 60000"},
            {"queue producers zero", "queue", "producers", "0", "--producers"},
            {"queue consumers over", "queue", "consumers", "17", "from 1 to 16"},
            {"queue items zero", "queue", "items", "0", "--items"},
            {"queue capacity over", "queue", "capacity", "4097", "from 0 to 4096"},
            {"queue produce negative", "queue", "produce-ms", "-1", "--produce-ms"},
            {"queue consume text", "queue", "consume-ms", "slow", "--consume-ms"},
            {"pipe mode unknown", "pipe", "mode", "triplex", "oneway, duplex"},
            {"pipe count negative", "pipe", "count", "-1", "--count"},
            {"pipe send text", "pipe", "send-ms", "soon", "--send-ms"},
            {"pipe recv over", "pipe", "recv-ms", "60001", "--recv-ms"},
            {"pool workers zero", "pool", "workers", "0", "--workers"},
            {"pool tasks over", "pool", "tasks", "100001", "--tasks"},
            {"pool chunksize negative", "pool", "chunksize", "-2", "--chunksize"},
            {"pool trials zero", "pool", "trials", "0", "--trials"},
            {"pool skew unknown", "pool", "skew", "random", "uniform, increasing"},
        };
        // clang-format on
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mustMention");
        for (const auto& row : rows)
            QTest::addRow("%s", row.tag) << row.scenario << row.name << row.value << row.mustMention;
    }

    void badValuesNameTheParameter()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, mustMention);
        const auto error = RunController::check(scenario, {{name, value}});
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(mustMention), qPrintable(error));
    }

    void faultActions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("index");
        QTest::addColumn<double>("seconds");
        QTest::addRow("index") << "2@1.5" << true << 2 << 1.5;
        QTest::addRow("holder") << "holder@0" << true << -1 << 0.0;
        QTest::addRow("no time") << "2" << false << 0 << 0.0;
        QTest::addRow("negative index") << "-1@1" << false << 0 << 0.0;
        QTest::addRow("negative time") << "1@-2" << false << 0 << 0.0;
        QTest::addRow("word") << "someone@1" << false << 0 << 0.0;
        QTest::addRow("empty") << "" << false << 0 << 0.0;
        QTest::addRow("time text") << "1@soon" << false << 0 << 0.0;
    }

    void faultActions()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        const auto fault = FaultAction::parse(FaultAction::Kind::Stop, text, &error);
        QCOMPARE(fault.has_value(), valid);
        if (!valid) {
            QVERIFY2(error.contains("--stop") && error.contains("TARGET@SECONDS"), qPrintable(error));
            return;
        }
        QFETCH(int, index);
        QFETCH(double, seconds);
        QCOMPARE(fault->workerIndex, index);
        QCOMPARE(fault->atSeconds, seconds);
        QCOMPARE(fault->signal(), SIGSTOP);
    }

    void timingPlan()
    {
        const auto* timing = ScenarioRegistry::instance().find(QStringLiteral("timing"));
        QVariantMap params;
        RunController::check(QStringLiteral("timing"), {{QStringLiteral("workers"), 3}}, &params);
        const auto phases = timing->plan(params);
        QCOMPARE(phases.size(), 4);
        QCOMPARE(phases.at(0).name, QStringLiteral("sequential"));
        QCOMPARE(phases.at(0).workers.size(), 1);
        QCOMPARE(phases.at(3).name, QStringLiteral("processes"));
        QCOMPARE(phases.at(3).workers.size(), 3);
        QCOMPARE(phases.at(3).workers.at(2).role, QStringLiteral("worker"));
        QCOMPARE(phases.at(3).workers.at(2).index, 2);
    }
};

QTEST_GUILESS_MAIN(TestParameters)
#include "tst_parameters.moc"
