// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/runcontroller.h"
#include "scenario/scenarioregistry.h"

#include <QTest>

using namespace ProcViz;

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
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mustMention");
        QTest::addRow("workers zero") << "timing"
                                      << "workers"
                                      << "0"
                                      << "from 1 to 64";
        QTest::addRow("workers negative") << "timing"
                                          << "workers"
                                          << "-3"
                                          << "from 1 to 64";
        QTest::addRow("workers over") << "timing"
                                      << "workers"
                                      << "65"
                                      << "from 1 to 64";
        QTest::addRow("workers text") << "timing"
                                      << "workers"
                                      << "four"
                                      << "--workers";
        QTest::addRow("workers empty") << "timing"
                                       << "workers"
                                       << ""
                                       << "--workers";
        QTest::addRow("workers fraction") << "timing"
                                          << "workers"
                                          << "1.5"
                                          << "--workers";
        QTest::addRow("iterations over") << "timing"
                                         << "iterations"
                                         << "1e12"
                                         << "--iterations";
        QTest::addRow("mode unknown") << "timing"
                                      << "mode"
                                      << "fibers"
                                      << "sequential, threads, gil, processes, all";
        QTest::addRow("unknown option") << "timing"
                                        << "bogus"
                                        << "1"
                                        << "--bogus";
        QTest::addRow("exit code over") << "lifecycle"
                                        << "exit-code"
                                        << "256"
                                        << "from 0 to 255";
        QTest::addRow("unknown scenario") << "nosuch"
                                          << "workers"
                                          << "1"
                                          << "timing";
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
