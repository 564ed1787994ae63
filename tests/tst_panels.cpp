// SPDX-License-Identifier: GPL-3.0-or-later
// Every scenario's own chart comes from the panel registry: the kind its PanelSpec names is compiled in, the
// panel is made, titled and takes a run of its scenario, and a run of another scenario leaves it empty.
#include "model/runmodel.h"
#include "panelregistry.h"
#include "scenario/scenarioregistry.h"
#include "scenariopanel.h"

#include <QTest>
#include <QWidget>
#include <qcustomplot.h>

#include <memory>

using namespace ProcViz;

class TestPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindAScenarioNamesIsRegistered()
    {
        int panels = 0;
        for (const auto* scenario : ScenarioRegistry::instance().all()) {
            const PanelSpec spec = scenario->panel();
            if (spec.kind.isEmpty())
                continue;
            ++panels;
            QVERIFY2(PanelRegistry::instance().has(spec.kind), qPrintable(scenario->id() + QStringLiteral(": ") + spec.kind));
            QVERIFY2(*spec.title, qPrintable(scenario->id()));
        }
        QVERIFY(panels >= 6); // all but the lifecycle have one
        const QStringList kinds = PanelRegistry::instance().kinds();
        QCOMPARE(QSet(kinds.begin(), kinds.end()).size(), kinds.size()); // no kind registered twice
    }

    void eachPanelTakesARunOfItsScenario()
    {
        for (const auto* scenario : ScenarioRegistry::instance().all()) {
            QWidget parent;
            ScenarioPanel* panel = PanelRegistry::instance().create(*scenario, &parent);
            QCOMPARE(panel != nullptr, !scenario->panel().kind.isEmpty());
            if (!panel)
                continue;
            QCOMPARE(panel->widget()->parent(), &parent);
            RunModel model;
            model.begin(scenario->id(), scenario->parameters().defaults(), 1'000'000'000);
            model.finish(2'000'000'000, Outcome::Completed);
            panel->setModel(&model);
            panel->refresh();
            panel->restart();
            panel->setModel(nullptr);
        }
    }

    void noPanelForAnUnknownKind()
    {
        QVERIFY(!PanelRegistry::instance().has(QStringLiteral("no-such-kind")));
        QVERIFY(!PanelRegistry::instance().has(QString()));
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
