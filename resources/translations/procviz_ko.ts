<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ProcViz::ChartsPage</name>
    <message>
        <source>‖ PAUSED — every worker is stopped (SIGSTOP). Press Resume to continue.</source>
        <translation>‖ 일시 정지 — 모든 워커가 멈췄습니다(SIGSTOP). 계속하려면 재개를 누르세요.</translation>
    </message>
    <message>
        <source>Following paused by your zoom — click to follow the live run again</source>
        <translation>확대/이동해서 따라가기를 멈췄습니다 — 누르면 실행을 다시 실시간으로 따라갑니다</translation>
    </message>
    <message>
        <source>Progress per worker</source>
        <translation>워커별 진행률</translation>
    </message>
    <message>
        <source>What each worker is doing (click a lane to select it)</source>
        <translation>각 워커가 하는 일 (레인을 클릭해 선택)</translation>
    </message>
    <message>
        <source>CPU per process</source>
        <translation>프로세스별 CPU</translation>
    </message>
</context>
<context>
    <name>ProcViz::ChatPanel</name>
    <message>
        <source>Send through the pipe</source>
        <translation>파이프로 보내기</translation>
    </message>
    <message>
        <source>Type a message for the sender to write into the pipe while it runs</source>
        <translation>실행 중에 보내는 쪽이 파이프에 쓸 메시지를 입력하세요</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>%1 · PID %2</source>
        <translation>%1 · PID %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 s&lt;/b&gt; &amp;nbsp; %2: %3</source>
        <translation>&lt;b&gt;%1초&lt;/b&gt; &amp;nbsp; %2: %3</translation>
    </message>
</context>
<context>
    <name>ProcViz::CommandLine</name>
    <message>
        <source>list or run</source>
        <translation>list 또는 run</translation>
    </message>
    <message>
        <source>Try &apos;procviz --help&apos;.
</source>
        <translation>&apos;procviz --help&apos;를 실행해 보세요.
</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>명령이 없습니다.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>알 수 없는 명령 &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Print the list as JSON.</source>
        <translation>목록을 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>예상하지 못한 인자 &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: procviz list [--json]
</source>
        <translation>사용법: procviz list [--json]
</translation>
    </message>
    <message>
        <source>Usage: procviz list [--json]

Lists the scenarios, their parameters, defaults and allowed values.
  --json  print the list as JSON
</source>
        <translation>사용법: procviz list [--json]

시나리오와 그 매개변수, 기본값, 허용 값을 보여 줍니다.
  --json  목록을 JSON으로 출력
</translation>
    </message>
    <message>
        <source>Name the scenario first.</source>
        <translation>먼저 시나리오 이름을 적으세요.</translation>
    </message>
    <message>
        <source>Usage: procviz run SCENARIO [OPTIONS]
Scenarios: %1. &apos;procviz run SCENARIO --help&apos; shows the options of one, &apos;procviz list&apos; all of them.
</source>
        <translation>사용법: procviz run 시나리오 [옵션]
시나리오: %1. &apos;procviz run 시나리오 --help&apos;는 한 시나리오의 옵션을, &apos;procviz list&apos;는 전체를 보여 줍니다.
</translation>
    </message>
    <message>
        <source>Usage: procviz COMMAND [OPTIONS]
Real processes, charted live: a multiprocessing classroom.

Commands:
  list [--json]                     the scenarios, their parameters and allowed values
  run SCENARIO [--PARAM VALUE]...   run a scenario as real processes and summarise it
      [--json FILE]                 also write the whole run as JSON
      [--trace FILE]                also write a trace for ui.perfetto.dev or chrome://tracing
      [--csv FILE]                  also write the /proc samples of every worker as CSV
      [--quiet]                     no live progress line
      [--kill|--stop|--cont TARGET@SECONDS] [--watchdog-s N] [--repeat N] ...
                                    faults and limits: &apos;procviz run SCENARIO --help&apos;
  shot SCENARIO [--PARAM VALUE]... --out FILE.png|FILE.pdf [--size WxH] [--lang en|ko]
                                    run it in the window and save the dashboard
  (no command)                      open the window

Options:
  -h, --help                        show this help (&apos;procviz run SCENARIO --help&apos; for one scenario)
  -v, --version                     show the version
  --lang en|ko                      the language of messages and of the window (the command
                                    line speaks English unless asked; the window follows the
                                    system&apos;s locale)

Exit status: 0 the command did its work (a run happened, whatever the lesson&apos;s verdict); 1 the run
could not be carried out or a file not written; 2 bad usage, nothing started; 130 / 143 a run
stopped by SIGINT / SIGTERM, its workers ended cleanly and its summary and files still written.
</source>
        <translation>사용법: procviz 명령 [옵션]
진짜 프로세스를 실시간 차트로: 멀티프로세싱 교실.

명령:
  list [--json]                     시나리오와 매개변수, 허용 값
  run SCENARIO [--PARAM VALUE]...   시나리오를 진짜 프로세스로 실행하고 요약
      [--json FILE]                 실행 전체를 JSON으로도 저장
      [--trace FILE]                ui.perfetto.dev나 chrome://tracing용 트레이스도 저장
      [--csv FILE]                  모든 워커의 /proc 샘플을 CSV로도 저장
      [--quiet]                     실시간 진행 줄 없음
      [--kill|--stop|--cont TARGET@SECONDS] [--watchdog-s N] [--repeat N] ...
                                    장애 주입과 제한: &apos;procviz run SCENARIO --help&apos;
  shot SCENARIO [--PARAM VALUE]... --out FILE.png|FILE.pdf [--size WxH] [--lang en|ko]
                                    창에서 실행하고 대시보드를 그림으로 저장
  (명령 없음)                       창 열기

옵션:
  -h, --help                        이 도움말 (한 시나리오는 &apos;procviz run SCENARIO --help&apos;)
  -v, --version                     버전 표시
  --lang en|ko                      메시지와 창의 언어 (명령줄은 따로 지정하지 않으면
                                    영어, 창은 시스템 로캘을 따름)

종료 상태: 0 명령이 할 일을 함 (실행이 이루어짐, 수업의 판정과 무관); 1 실행을 할 수 없었거나
파일을 쓰지 못함; 2 잘못된 사용, 아무것도 시작하지 않음; 130 / 143 SIGINT / SIGTERM으로 멈춘 실행,
워커는 깔끔하게 끝났고 요약과 파일은 그래도 저장됨.
</translation>
    </message>
    <message>
        <source>Unknown scenario &apos;%1&apos;. Known scenarios: %2.
</source>
        <translation>알 수 없는 시나리오 &apos;%1&apos;. 있는 시나리오: %2.
</translation>
    </message>
    <message>
        <source>roles: %1</source>
        <translation>역할: %1</translation>
    </message>
    <message>
        <source>Run one with: procviz run SCENARIO [--PARAMETER VALUE]...
</source>
        <translation>실행하려면: procviz run 시나리오 [--매개변수 값]...
</translation>
    </message>
    <message>
        <source>default %1; %2</source>
        <translation>기본값 %1; %2</translation>
    </message>
</context>
<context>
    <name>ProcViz::CpuChart</name>
    <message>
        <source>CPU (% of a core)</source>
        <translation>CPU (코어당 %)</translation>
    </message>
    <message>
        <source>%1 · PID %2</source>
        <translation>%1 · PID %2</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
</context>
<context>
    <name>ProcViz::Export</name>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>ProcViz::ExportActions</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Dashboard as &amp;PNG (%1 × %2)…</source>
        <translation>대시보드를 PNG로(&amp;P) (%1 × %2)…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the whole dashboard, with a header naming the scenario, its parameters and checks, as a PNG of %1 × %2 pixels (Ctrl+E). The arrow offers every export.</source>
        <translation>시나리오 이름, 매개변수, 검사를 적은 머리글과 함께 대시보드 전체를 %1 × %2 픽셀 PNG로 저장합니다 (Ctrl+E). 화살표를 누르면 모든 내보내기가 나옵니다.</translation>
    </message>
    <message>
        <source>Dashboard PNG &amp;size</source>
        <translation>대시보드 PNG 크기(&amp;S)</translation>
    </message>
    <message>
        <source>%1 × %2 (%3)</source>
        <translation>%1 × %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation>사용자 지정(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Custom (%1 × %2)…</source>
        <translation>사용자 지정(&amp;C) (%1 × %2)…</translation>
    </message>
    <message>
        <source>Dashboard as P&amp;DF…</source>
        <translation>대시보드를 PDF로(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the whole dashboard, with its header, as a vector PDF (Ctrl+Shift+E)</source>
        <translation>대시보드 전체를 머리글과 함께 벡터 PDF로 저장합니다 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Copy dashboard image</source>
        <translation>대시보드 이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Put a %1 × %2 picture of the dashboard on the clipboard (Ctrl+Shift+C)</source>
        <translation>대시보드의 %1 × %2 그림을 클립보드에 복사합니다 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>차트를 PNG로 저장…</translation>
    </message>
    <message>
        <source>Save chart as PDF…</source>
        <translation>차트를 PDF로 저장…</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>차트 복사</translation>
    </message>
    <message>
        <source>Run as &amp;JSON…</source>
        <translation>실행을 JSON으로(&amp;J)…</translation>
    </message>
    <message>
        <source>Run as C&amp;SV…</source>
        <translation>실행을 CSV로(&amp;S)…</translation>
    </message>
    <message>
        <source>Run as Chrome &amp;trace…</source>
        <translation>실행을 Chrome 트레이스로(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Save the last run of %1 with the command line&apos;s exporter</source>
        <translation>%1의 마지막 실행을 명령줄과 같은 형식으로 저장합니다</translation>
    </message>
    <message>
        <source>Run a scenario to its end (or stop it) first</source>
        <translation>먼저 시나리오를 끝까지 실행하거나 중지하세요</translation>
    </message>
    <message>
        <source>P&amp;rogress chart</source>
        <translation>진행률 차트(&amp;R)</translation>
    </message>
    <message>
        <source>State &amp;timeline</source>
        <translation>상태 타임라인(&amp;T)</translation>
    </message>
    <message>
        <source>CP&amp;U chart</source>
        <translation>CPU 차트(&amp;U)</translation>
    </message>
    <message>
        <source>Scenario c&amp;hart: %1</source>
        <translation>시나리오 차트(&amp;H): %1</translation>
    </message>
    <message>
        <source>Scenario&apos;s own c&amp;hart</source>
        <translation>시나리오 전용 차트(&amp;H)</translation>
    </message>
    <message>
        <source>Export the dashboard as PNG</source>
        <translation>대시보드를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export the dashboard as PDF</source>
        <translation>대시보드를 PDF로 내보내기</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>The dashboard is on the clipboard (%1 × %2)</source>
        <translation>대시보드를 클립보드에 복사했습니다 (%1 × %2)</translation>
    </message>
    <message>
        <source>Save the chart as PDF</source>
        <translation>차트를 PDF로 저장</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>차트를 PNG로 저장</translation>
    </message>
    <message>
        <source>The chart is on the clipboard (%1 × %2)</source>
        <translation>차트를 클립보드에 복사했습니다 (%1 × %2)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>JSON document (*.json)</source>
        <translation>JSON 문서 (*.json)</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome 트레이스 (*.json)</translation>
    </message>
    <message>
        <source>Export the run</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ProcViz::ExportFile</name>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>PDF 작성을 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ProcViz::ExportHeader</name>
    <message>
        <source>Not run yet: the checks appear when a run ends.</source>
        <translation>아직 실행하지 않음: 실행이 끝나면 검사 결과가 나옵니다.</translation>
    </message>
    <message>
        <source>✓ PASS</source>
        <translation>✓ 통과</translation>
    </message>
    <message>
        <source>✗ FAIL</source>
        <translation>✗ 실패</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>매개변수 없음</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>매개변수:</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(기본값)</translation>
    </message>
    <message>
        <source>✗ FAIL — the lesson</source>
        <translation>✗ 실패 — 수업의 요점</translation>
    </message>
</context>
<context>
    <name>ProcViz::ExportSizeDialog</name>
    <message>
        <source>Custom picture size</source>
        <translation>사용자 지정 그림 크기</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>너비(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>높이(&amp;H):</translation>
    </message>
</context>
<context>
    <name>ProcViz::FaultAction</name>
    <message>
        <source>Invalid value &apos;%1&apos; for --%2: allowed is TARGET@SECONDS, where TARGET is a worker index (0, 1, ...) or &apos;holder&apos; and SECONDS a time from 0 to %3 after the start, e.g. holder@1.5.</source>
        <translation>--%2의 값 &apos;%1&apos;이(가) 올바르지 않습니다: TARGET@SECONDS 형식이어야 하며, TARGET은 워커 번호(0, 1, ...) 또는 &apos;holder&apos;, SECONDS는 시작 후 0초에서 %3초 사이의 시간입니다. 예: holder@1.5.</translation>
    </message>
</context>
<context>
    <name>ProcViz::LaneToolTip</name>
    <message>
        <source>%1 so far</source>
        <translation>지금까지 %1</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>mixed %1: %2</source>
        <translation>혼합 %1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>joined: %1</source>
        <translation>join됨: %1</translation>
    </message>
    <message>
        <source>%1 · TID %2</source>
        <translation>%1 · TID %2</translation>
    </message>
    <message>
        <source>%1 · unit %2 · PID %3</source>
        <translation>%1 · 작업 %2 · PID %3</translation>
    </message>
    <message>
        <source>%1 · PID %2</source>
        <translation>%1 · PID %2</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>task %1 · %2</source>
        <translation>작업 %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3, %4 later</source>
        <translation>%1: %2 → %3, %4 뒤</translation>
    </message>
</context>
<context>
    <name>ProcViz::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ProcViz::LessonPanel</name>
    <message>
        <source>&lt;p&gt;No lesson text for this scenario yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 시나리오의 수업 내용은 아직 없습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProcViz::LiveChart</name>
    <message>
        <source>time (s)</source>
        <translation>시간 (초)</translation>
    </message>
</context>
<context>
    <name>ProcViz::MainWindow</name>
    <message>
        <source>%1 — ProcViz</source>
        <translation>%1 — ProcViz</translation>
    </message>
    <message>
        <source>Processes you can see — ProcViz</source>
        <translation>눈으로 보는 프로세스 — ProcViz</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>▶ &amp;Run</source>
        <translation>▶ 실행(&amp;R)</translation>
    </message>
    <message>
        <source>■ &amp;Stop</source>
        <translation>■ 중지(&amp;S)</translation>
    </message>
    <message>
        <source>End every worker now and reap them (Shift+F5)</source>
        <translation>모든 워커를 지금 끝내고 회수합니다 (Shift+F5)</translation>
    </message>
    <message>
        <source>✗ &amp;Kill worker</source>
        <translation>✗ 워커 종료(&amp;K)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Cores: %1</source>
        <translation>코어: %1</translation>
    </message>
    <message>
        <source>How many workers this machine can truly run at the same time</source>
        <translation>이 컴퓨터가 정말로 동시에 실행할 수 있는 워커 수</translation>
    </message>
    <message>
        <source>That worker has already ended.</source>
        <translation>그 워커는 이미 끝났습니다.</translation>
    </message>
    <message>
        <source>Start the workers (F5)</source>
        <translation>워커를 시작합니다 (F5)</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>실행할 수 없음: %1</translation>
    </message>
    <message>
        <source>▶ &amp;Resume</source>
        <translation>▶ 재개(&amp;R)</translation>
    </message>
    <message>
        <source>‖ &amp;Pause</source>
        <translation>‖ 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Let the workers go on (SIGCONT, F6)</source>
        <translation>워커를 다시 움직입니다 (SIGCONT, F6)</translation>
    </message>
    <message>
        <source>Freeze every worker (SIGSTOP, F6)</source>
        <translation>모든 워커를 멈춥니다 (SIGSTOP, F6)</translation>
    </message>
    <message>
        <source>Send SIGKILL to worker %1 (PID %2) (Ctrl+K)</source>
        <translation>워커 %1(PID %2)에 SIGKILL을 보냅니다 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Select a live worker&apos;s lane in the timeline first (Ctrl+K)</source>
        <translation>먼저 타임라인에서 살아 있는 워커의 레인을 선택하세요 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>Phase: %1 (paused)</source>
        <translation>단계: %1 (일시 정지)</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>단계: %1</translation>
    </message>
    <message>
        <source>Live workers: %1</source>
        <translation>살아 있는 워커: %1</translation>
    </message>
    <message>
        <source>Elapsed: %1 s</source>
        <translation>경과: %1초</translation>
    </message>
    <message>
        <source>No worker is running to take the line: start a run and type while it is still going.</source>
        <translation>줄을 받을 워커가 실행 중이 아닙니다: 실행을 시작한 뒤 실행되는 동안 입력하세요.</translation>
    </message>
    <message>
        <source>Runs as</source>
        <translation>실행 방식</translation>
    </message>
    <message>
        <source>C++ workers</source>
        <translation>C++ 워커</translation>
    </message>
    <message>
        <source>Python program (CPython)</source>
        <translation>파이썬 프로그램 (CPython)</translation>
    </message>
    <message>
        <source>C++ workers re-enact the lesson (the GIL is emulated); the Python program is the lesson&apos;s own code, run by python3 with every process observed.</source>
        <translation>C++ 워커는 수업을 재현합니다 (GIL은 흉내 낸 것). 파이썬 프로그램은 수업의 코드 그대로를 python3로 실행하고 모든 프로세스를 관찰합니다.</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>런타임</translation>
    </message>
</context>
<context>
    <name>ProcViz::ObservedProcess</name>
    <message>
        <source>Cannot watch process %1: %2</source>
        <translation>프로세스 %1을(를) 지켜볼 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>ProcViz::ObserverChannel</name>
    <message>
        <source>Could not create the observer&apos;s socket: %1</source>
        <translation>관찰자 소켓을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not listen on the observer&apos;s socket: %1</source>
        <translation>관찰자 소켓에서 연결을 기다릴 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>ProcViz::OutcomeText</name>
    <message>
        <source>Run completed</source>
        <translation>실행 완료</translation>
    </message>
    <message>
        <source>Run stopped</source>
        <translation>실행 중지됨</translation>
    </message>
    <message>
        <source>Run ended: deadlock</source>
        <translation>실행 종료: 교착 상태</translation>
    </message>
    <message>
        <source>Run ended at a limit</source>
        <translation>실행이 제한에 걸려 끝남</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>실행 실패</translation>
    </message>
    <message>
        <source>Running: the checks appear when the run ends.</source>
        <translation>실행 중: 실행이 끝나면 검사 결과가 나옵니다.</translation>
    </message>
    <message>
        <source>Run completed in %1 s.</source>
        <translation>실행이 %1초 만에 끝났습니다.</translation>
    </message>
    <message>
        <source>Stopped after %1 s: the figures cover what was done.</source>
        <translation>%1초 후에 중지됨: 수치는 그때까지 한 일만 나타냅니다.</translation>
    </message>
    <message>
        <source>Ended by the watchdog after %1 s: no worker made progress any more (deadlock).</source>
        <translation>더 이상 진행하는 워커가 없어 감시견(watchdog)이 %1초 후에 실행을 끝냈습니다 (교착 상태).</translation>
    </message>
    <message>
        <source>Ended at a limit after %1 s.</source>
        <translation>실행이 %1초 후에 제한에 걸려 끝났습니다.</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>실행이 실패했습니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::ParameterForm</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(기본값)</translation>
    </message>
    <message>
        <source> million</source>
        <translation> 백만</translation>
    </message>
</context>
<context>
    <name>ProcViz::ParameterSpec</name>
    <message>
        <source>one of: %1</source>
        <translation>다음 중 하나: %1</translation>
    </message>
    <message>
        <source>text of at most %1 characters</source>
        <translation>최대 %1자의 텍스트</translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>%1부터 %2까지의 정수</translation>
    </message>
</context>
<context>
    <name>ProcViz::ParameterTable</name>
    <message>
        <source>Invalid value &apos;%1&apos; for --%2: allowed is %3.</source>
        <translation>--%2의 값 &apos;%1&apos;이(가) 올바르지 않습니다: 허용 값은 %3입니다.</translation>
    </message>
    <message>
        <source>Unknown option --%1: this scenario accepts %2.</source>
        <translation>알 수 없는 옵션 --%1: 이 시나리오가 받는 옵션은 %2입니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::PhaseLauncher</name>
    <message>
        <source>The worker spawner (pid %1) did not answer within %2 ms.</source>
        <translation>워커 생성기(pid %1)가 %2 ms 안에 응답하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::PresentationMode</name>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Large type, strong colours, full screen: for a projector (F11)</source>
        <translation>큰 글자, 진한 색, 전체 화면: 프로젝터용 (F11)</translation>
    </message>
    <message>
        <source>Run / Pause / Resume</source>
        <translation>실행 / 일시 정지 / 재개</translation>
    </message>
    <message>
        <source>Stop the Run (or Leave Presentation Mode)</source>
        <translation>실행 중지 (또는 발표 모드 나가기)</translation>
    </message>
    <message>
        <source>Previous Scenario</source>
        <translation>이전 시나리오</translation>
    </message>
    <message>
        <source>Previous scenario (Page Up or Ctrl+Left)</source>
        <translation>이전 시나리오 (Page Up 또는 Ctrl+Left)</translation>
    </message>
    <message>
        <source>Next Scenario</source>
        <translation>다음 시나리오</translation>
    </message>
    <message>
        <source>Next scenario (Page Down or Ctrl+Right)</source>
        <translation>다음 시나리오 (Page Down 또는 Ctrl+Right)</translation>
    </message>
</context>
<context>
    <name>ProcViz::ProgramOutput</name>
    <message>
        <source>Could not create a pipe for the output: %1</source>
        <translation>출력용 파이프를 만들 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>ProcViz::ProgressChart</name>
    <message>
        <source>%1 · PID %2</source>
        <translation>%1 · PID %2</translation>
    </message>
    <message>
        <source>thread %1 · TID %2 (PID %3)</source>
        <translation>스레드 %1 · TID %2 (PID %3)</translation>
    </message>
    <message>
        <source>unit %1 · PID %2</source>
        <translation>작업 %1 · PID %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>progress (%)</source>
        <translation>진행률 (%)</translation>
    </message>
    <message>
        <source>t%1</source>
        <translation>t%1</translation>
    </message>
    <message>
        <source>u%1</source>
        <translation>u%1</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>진행률</translation>
    </message>
</context>
<context>
    <name>ProcViz::PythonInterpreter</name>
    <message>
        <source>No python3 was found on PATH: install Debian&apos;s python3 (apt install python3), or name one with --python PATH.</source>
        <translation>PATH에서 python3을 찾지 못했습니다: 데비안의 python3을 설치하거나(apt install python3) --python PATH로 지정하세요.</translation>
    </message>
    <message>
        <source>The Python interpreter &apos;%1&apos; does not exist or is not executable.</source>
        <translation>파이썬 인터프리터 &apos;%1&apos;이(가) 없거나 실행할 수 없습니다.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; did not answer as a Python interpreter does (it was asked for its version).</source>
        <translation>&apos;%1&apos;이(가) 파이썬 인터프리터처럼 답하지 않았습니다 (버전을 물었습니다).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is Python %2; the Python runtime needs Python 3.%3 or newer.</source>
        <translation>&apos;%1&apos;은(는) 파이썬 %2입니다. 파이썬 런타임에는 파이썬 3.%3 이상이 필요합니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::PythonRun</name>
    <message>
        <source>The lesson &apos;%1&apos; has no Python program yet.</source>
        <translation>수업 &apos;%1&apos;에는 아직 파이썬 프로그램이 없습니다.</translation>
    </message>
    <message>
        <source>Could not create a folder for the Python program: %1</source>
        <translation>파이썬 프로그램을 둘 폴더를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not write &apos;%1&apos;.</source>
        <translation>&apos;%1&apos;을(를) 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::ResultPanel</name>
    <message>
        <source>en</source>
        <comment>the language code of this translation</comment>
        <translation>ko</translation>
    </message>
    <message>
        <source>The result appears here when a run ends.</source>
        <translation>실행이 끝나면 여기에 결과가 나옵니다.</translation>
    </message>
    <message>
        <source>No result: the run ended before any work was measured.</source>
        <translation>결과 없음: 측정할 작업이 끝나기 전에 실행이 끝났습니다.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>cores busy</source>
        <translation>바쁜 코어</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (미완료)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>The details below are in the language of the run; the next run writes them in English.</source>
        <translation>아래 세부 내용은 실행 당시의 언어로 되어 있습니다. 다음 실행부터 한국어로 나옵니다.</translation>
    </message>
    <message>
        <source>✓ PASS</source>
        <translation>✓ 통과</translation>
    </message>
    <message>
        <source>✗ FAIL — the lesson</source>
        <translation>✗ 실패 — 수업의 요점</translation>
    </message>
    <message>
        <source>This is what the lesson predicts, not an error in ProcViz.</source>
        <translation>수업이 예측한 결과이며 ProcViz의 오류가 아닙니다.</translation>
    </message>
    <message>
        <source>✗ FAIL</source>
        <translation>✗ 실패</translation>
    </message>
    <message>
        <source>speedup: the sequential time divided by this mode&apos;s time
cores busy: CPU time divided by elapsed time, how many cores the mode kept working</source>
        <translation>속도 향상: 순차 실행 시간을 이 모드의 시간으로 나눈 값
바쁜 코어: CPU 시간을 경과 시간으로 나눈 값, 이 모드가 코어를 몇 개나 일하게 했는지</translation>
    </message>
</context>
<context>
    <name>ProcViz::RunCommand</name>
    <message>
        <source>Write the run as JSON.</source>
        <translation>실행을 JSON으로 저장합니다.</translation>
    </message>
    <message>
        <source>Write a Chrome trace.</source>
        <translation>Chrome 트레이스를 저장합니다.</translation>
    </message>
    <message>
        <source>Write the samples as CSV.</source>
        <translation>샘플을 CSV로 저장합니다.</translation>
    </message>
    <message>
        <source>No live progress line.</source>
        <translation>실시간 진행 줄을 표시하지 않습니다.</translation>
    </message>
    <message>
        <source>Watchdog.</source>
        <translation>감시견(watchdog).</translation>
    </message>
    <message>
        <source>Repeat.</source>
        <translation>반복.</translation>
    </message>
    <message>
        <source>CPU limit.</source>
        <translation>CPU 제한.</translation>
    </message>
    <message>
        <source>Time limit.</source>
        <translation>시간 제한.</translation>
    </message>
    <message>
        <source>Fault.</source>
        <translation>장애 주입.</translation>
    </message>
    <message>
        <source>Try &apos;procviz run %1 --help&apos;.</source>
        <translation>&apos;procviz run %1 --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>예상하지 못한 인자 &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Invalid value &apos;%1&apos; for --%2: allowed is a whole number of seconds.</source>
        <translation>--%2의 값 &apos;%1&apos;이(가) 올바르지 않습니다: 초 단위의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>Invalid value &apos;%1&apos; for --repeat: allowed is an integer from 1 to %2.</source>
        <translation>--repeat의 값 &apos;%1&apos;이(가) 올바르지 않습니다: 1부터 %2까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>Stopped by %1: the workers were ended; the summary and files hold what ran.
</source>
        <translation>%1(으)로 중지됨: 워커를 끝냈습니다. 요약과 파일에는 실행된 만큼이 들어 있습니다.
</translation>
    </message>
    <message>
        <source>run %1/%2: %3 · %4
</source>
        <translation>실행 %1/%2: %3 · %4
</translation>
    </message>
    <message numerus="yes">
        <source>
Over %n run(s)
</source>
        <translation>
            <numerusform>
실행 %n번에 걸쳐
</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1 needs a file name.</source>
        <translation>--%1에는 파일 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 %2: that is a folder.</source>
        <translation>--%1 %2: 폴더입니다.</translation>
    </message>
    <message>
        <source>--%1 %2: folder &apos;%3&apos; does not exist.</source>
        <translation>--%1 %2: 폴더 &apos;%3&apos;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Usage: procviz run %1 [--PARAMETER VALUE]... [--kill|--stop|--cont TARGET@SECONDS]...
       [--watchdog-s N] [--repeat N] [--json FILE] [--trace FILE] [--csv FILE] [--quiet]

%2
%3
Parameters:
%4
Faults and limits:
  --kill TARGET@SECONDS    SIGKILL a worker that long after the start; TARGET is a worker index
                           or &apos;holder&apos; (whoever holds the lock or a permit then); repeatable
  --stop / --cont TARGET@SECONDS   SIGSTOP / SIGCONT likewise
  --watchdog-s N           end the run as a deadlock when no worker progresses for N seconds
                           (default %5; 0 turns it off)
  --cpu-limit-s N          CPU seconds each worker may use (default %7); past it: SIGXCPU
  --time-limit-s N         seconds the whole run may last (default %8); then it is stopped
  --repeat N               run N times (1 to %6) and show the spread of the results

Output:
  --json FILE              write the whole run as JSON
  --trace FILE             write a trace for ui.perfetto.dev or chrome://tracing
  --csv FILE               write the /proc samples of every worker as CSV
  --quiet                  no live progress line
</source>
        <translation>사용법: procviz run %1 [--PARAMETER VALUE]... [--kill|--stop|--cont TARGET@SECONDS]...
       [--watchdog-s N] [--repeat N] [--json FILE] [--trace FILE] [--csv FILE] [--quiet]

%2
%3
매개변수:
%4
장애 주입과 제한:
  --kill TARGET@SECONDS    시작 후 그만큼 지나서 워커에 SIGKILL; TARGET은 워커 번호 또는
                           &apos;holder&apos;(그 순간 잠금이나 허가를 쥔 워커); 여러 번 지정 가능
  --stop / --cont TARGET@SECONDS   같은 방식으로 SIGSTOP / SIGCONT
  --watchdog-s N           N초 동안 아무 워커도 진행하지 않으면 교착 상태로 실행 종료
                           (기본값 %5; 0이면 끔)
  --cpu-limit-s N          워커마다 쓸 수 있는 CPU 시간(초) (기본값 %7); 넘으면 SIGXCPU
  --time-limit-s N         실행 전체가 지속될 수 있는 시간(초) (기본값 %8); 넘으면 중지
  --repeat N               N번 실행(1~%6)하고 결과의 분포를 보여 줌

출력:
  --json FILE              실행 전체를 JSON으로 저장
  --trace FILE             ui.perfetto.dev나 chrome://tracing용 트레이스 저장
  --csv FILE               모든 워커의 /proc 샘플을 CSV로 저장
  --quiet                  실시간 진행 줄 없음
</translation>
    </message>
    <message>
        <source>Runtime.</source>
        <translation>런타임.</translation>
    </message>
    <message>
        <source>Python.</source>
        <translation>파이썬.</translation>
    </message>
    <message>
        <source>Unknown option --%1: scenario &apos;%2&apos; accepts %3, and --runtime, --python, --kill, --stop, --cont, --watchdog-s, --cpu-limit-s, --time-limit-s, --repeat, --json, --trace, --csv, --quiet.</source>
        <translation>알 수 없는 옵션 --%1: 시나리오 &apos;%2&apos;은(는) %3, 그리고 --runtime, --python, --kill, --stop, --cont, --watchdog-s, --cpu-limit-s, --time-limit-s, --repeat, --json, --trace, --csv, --quiet를 받습니다.</translation>
    </message>
    <message>
        <source>Invalid value &apos;%1&apos; for --runtime: allowed is cpp or python.</source>
        <translation>--runtime에 잘못된 값 &apos;%1&apos;: cpp 또는 python만 됩니다.</translation>
    </message>
    <message>
        <source>--python names the interpreter of --runtime python; add --runtime python.</source>
        <translation>--python은 --runtime python의 인터프리터를 지정합니다: --runtime python을 함께 쓰세요.</translation>
    </message>
</context>
<context>
    <name>ProcViz::RunController</name>
    <message>
        <source>Unknown scenario &apos;%1&apos;: known scenarios are %2.</source>
        <translation>알 수 없는 시나리오 &apos;%1&apos;: 있는 시나리오는 %2입니다.</translation>
    </message>
    <message>
        <source>A run is already in progress; stop it first.</source>
        <translation>이미 실행 중입니다. 먼저 중지하세요.</translation>
    </message>
    <message>
        <source>The worker program &apos;%1&apos; was not found or is not executable.</source>
        <translation>워커 프로그램 &apos;%1&apos;이(가) 없거나 실행할 수 없습니다.</translation>
    </message>
    <message>
        <source>Scenario &apos;%1&apos; planned a phase without workers or with two workers of one index.</source>
        <translation>시나리오 &apos;%1&apos;이(가) 워커가 없거나 같은 번호의 워커가 둘인 단계를 계획했습니다.</translation>
    </message>
    <message>
        <source>Could not prepare the run: %1</source>
        <translation>실행을 준비할 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>The run passed its time limit of %n second(s) and was stopped.</source>
        <translation>
            <numerusform>실행이 시간 제한 %n초를 넘어 중지되었습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>worker %1 · pid %2 used up its CPU-time limit of %n second(s) (SIGXCPU).</source>
        <translation>
            <numerusform>워커 %1 · pid %2이(가) CPU 시간 제한 %n초를 다 썼습니다 (SIGXCPU).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No worker made progress for %n second(s).</source>
        <translation>
            <numerusform>%n초 동안 아무 워커도 진행하지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1: %2 sent to %3 %4 · pid %5%6</source>
        <translation>--%1: %3 %4 · pid %5%6에 %2을(를) 보냈습니다</translation>
    </message>
    <message>
        <source> (the holder)</source>
        <translation> (쥐고 있던 워커)</translation>
    </message>
    <message>
        <source>--%1 holder: nobody held the lock or a permit; nothing sent</source>
        <translation>--%1 holder: 잠금이나 허가를 쥔 워커가 없어 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>--%1 %2: that worker had already ended; nothing sent</source>
        <translation>--%1 %2: 그 워커는 이미 끝나서 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Could not start the worker spawner: %1</source>
        <translation>워커 생성기(spawner)를 시작할 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>The program started more than %n process(es); the run was stopped.</source>
        <translation>
            <numerusform>프로그램이 프로세스를 %n개보다 많이 시작해서 실행을 멈췄습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>was killed by signal %1</source>
        <translation>시그널 %1로 강제 종료되었습니다</translation>
    </message>
    <message>
        <source>ended with exit code %1</source>
        <translation>종료 코드 %1로 끝났습니다</translation>
    </message>
    <message>
        <source>The Python program %1.</source>
        <translation>파이썬 프로그램이 %1.</translation>
    </message>
    <message>
        <source>The Python program %1:
%2</source>
        <translation>파이썬 프로그램이 %1:
%2</translation>
    </message>
</context>
<context>
    <name>ProcViz::RunOptions</name>
    <message>
        <source>Invalid value &apos;%1&apos; for --%2: allowed is an integer from %3 to %4.</source>
        <translation>--%2의 값 &apos;%1&apos;이(가) 올바르지 않습니다: %3부터 %4까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>--%1 targets worker %2, which this run does not have: allowed are 0 to %3, or &apos;holder&apos;.</source>
        <translation>--%1이(가) 가리키는 워커 %2은(는) 이 실행에 없습니다: 0부터 %3까지, 또는 &apos;holder&apos;만 쓸 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::RunReport</name>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>(expected: this failure is what the lesson shows)</source>
        <translation>(예상된 결과: 이 실패가 바로 수업이 보여 주는 것)</translation>
    </message>
    <message>
        <source>cpu %1</source>
        <translation>cpu %1</translation>
    </message>
    <message>
        <source>%1 workers, pids %2–%3, %4, cpu %5</source>
        <translation>워커 %1개, pid %2–%3, %4, cpu %5</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>(emulated GIL)</source>
        <translation>(emulated GIL)</translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n개 살아 있음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>… %n개 더 …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more event(s); --trace keeps them all …</source>
        <translation>
            <numerusform>… 이벤트 %n개 더; --trace에는 모두 남습니다 …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 cores</source>
        <translation>%1 · 코어 %2개</translation>
    </message>
</context>
<context>
    <name>ProcViz::Scenario</name>
    <message>
        <source>Process lifecycle</source>
        <translation>프로세스의 일생</translation>
    </message>
    <message>
        <source>Start processes, let them sleep, join them: each has its own PID and exit code; stop, pause or kill one and see what the parent records.</source>
        <translation>프로세스를 시작하고, 잠들게 하고, join합니다. 각자 자기 PID와 종료 코드가 있습니다. 하나를 멈추거나 일시 정지하거나 종료해 보고 부모가 무엇을 기록하는지 보세요.</translation>
    </message>
    <message>
        <source>%1 of %2 workers exited with code %3</source>
        <translation>워커 %2개 중 %1개가 끝남 (종료 코드 %3)</translation>
    </message>
    <message>
        <source>Worker processes to start.</source>
        <translation>시작할 워커 프로세스 수.</translation>
    </message>
    <message>
        <source>How long each worker sleeps before it exits, in milliseconds.</source>
        <translation>각 워커가 끝나기 전에 잠자는 시간(밀리초).</translation>
    </message>
    <message>
        <source>The exit code every worker ends with (sys.exit(n)).</source>
        <translation>모든 워커가 끝날 때 돌려주는 종료 코드 (sys.exit(n)).</translation>
    </message>
    <message>
        <source>worker %1 · pid %2 holds the lock and does not let go (is it stopped?); %3 worker(s) wait for it.</source>
        <translation>워커 %1 · pid %2이(가) 잠금을 쥐고 놓지 않습니다(멈춰 있나요?). 워커 %3개가 기다립니다.</translation>
    </message>
    <message>
        <source>The lock holder, worker %1 · pid %2, died while holding the lock; %3 worker(s) wait for it forever.</source>
        <translation>잠금을 쥔 워커 %1 · pid %2이(가) 잠금을 쥔 채 죽었습니다. 워커 %3개가 영원히 기다립니다.</translation>
    </message>
    <message>
        <source>Lock: a shared counter</source>
        <translation>Lock: 공유 카운터</translation>
    </message>
    <message>
        <source>Processes add 1 to one counter in shared memory: without a lock updates are lost, with a process-shared mutex the total is exact, and a robust mutex survives its holder&apos;s death.</source>
        <translation>프로세스들이 공유 메모리의 카운터 하나에 1씩 더합니다. 잠금이 없으면 갱신이 사라지고, 프로세스 공유 뮤텍스가 있으면 합계가 정확하며, robust 뮤텍스는 쥔 프로세스가 죽어도 살아남습니다.</translation>
    </message>
    <message>
        <source>Worker processes that increment the shared counter.</source>
        <translation>공유 카운터를 증가시키는 워커 프로세스 수.</translation>
    </message>
    <message>
        <source>How many times each worker adds 1 to the counter.</source>
        <translation>각 워커가 카운터에 1을 더하는 횟수.</translation>
    </message>
    <message>
        <source>off: a plain load, add and store (updates get lost); on: a process-shared mutex around each increment; robust: the same mutex made robust, so the death of its holder is survived.</source>
        <translation>off: 그냥 읽고, 더하고, 씀 (갱신이 사라짐); on: 증가 연산마다 프로세스 공유 뮤텍스로 잠금; robust: 같은 뮤텍스를 robust로 만들어 쥔 프로세스가 죽어도 살아남음.</translation>
    </message>
    <message>
        <source>expected %1 · got %2 · %3 updates lost</source>
        <translation>기대값 %1 · 결과 %2 · 갱신 %3개 사라짐</translation>
    </message>
    <message>
        <source>counter %1 · increments completed %2%3</source>
        <translation>카운터 %1 · 완료된 증가 %2%3</translation>
    </message>
    <message>
        <source> (1 in flight when its worker died)</source>
        <translation> (워커가 죽을 때 진행 중이던 1개 포함)</translation>
    </message>
    <message>
        <source>run %1; the lock was recovered from dead holder pid %2</source>
        <translation>실행 %1; 죽은 보유자 pid %2에게서 잠금을 복구함</translation>
    </message>
    <message>
        <source>run %1; no worker died holding the lock</source>
        <translation>실행 %1; 잠금을 쥔 채 죽은 워커 없음</translation>
    </message>
    <message>
        <source>%1 %2 · pid %3 was killed; its partner waits for messages that will never come.</source>
        <translation>%1 %2 · pid %3이(가) 종료되었습니다. 상대는 오지 않을 메시지를 기다립니다.</translation>
    </message>
    <message>
        <source>Pipe: two processes talk</source>
        <translation>Pipe: 두 프로세스의 대화</translation>
    </message>
    <message>
        <source>A sender writes messages into an anonymous pipe and a receiver reads them until end of file; in duplex mode two processes greet each other over a socket pair and answer.</source>
        <translation>보내는 쪽이 익명 파이프에 메시지를 쓰고 받는 쪽이 파일 끝까지 읽습니다. 양방향(duplex) 모드에서는 두 프로세스가 소켓 쌍으로 서로 인사하고 답합니다.</translation>
    </message>
    <message>
        <source>hello,pipe,example,data</source>
        <translation>안녕,파이프,예제,데이터</translation>
    </message>
    <message>
        <source>oneway: a sender and a receiver over an anonymous pipe; duplex: two peers over a socket pair, each greeting the other and answering.</source>
        <translation>oneway: 익명 파이프로 연결된 보내는 쪽과 받는 쪽; duplex: 소켓 쌍으로 연결된 두 상대가 서로 인사하고 답함.</translation>
    </message>
    <message>
        <source>The messages to send, separated by commas. Empty: the tutorial&apos;s four words, in the language of the user interface.</source>
        <translation>보낼 메시지, 쉼표로 구분. 비워 두면 튜토리얼의 네 단어를 화면의 언어로 보냅니다.</translation>
    </message>
    <message>
        <source>Pause after sending each message, in milliseconds.</source>
        <translation>메시지를 하나 보낸 뒤 쉬는 시간(밀리초).</translation>
    </message>
    <message>
        <source>Pause after receiving each message, in milliseconds: a slower receiver leaves messages waiting in the pipe.</source>
        <translation>메시지를 하나 받은 뒤 쉬는 시간(밀리초). 받는 쪽이 느리면 메시지가 파이프에서 기다립니다.</translation>
    </message>
    <message>
        <source>Send this many generated messages as fast as possible instead of --messages, without the pauses: a throughput run. 0: off.</source>
        <translation>--messages 대신 만들어 낸 메시지를 이만큼 쉬지 않고 최대한 빨리 보냅니다: 처리량 측정. 0: 끔.</translation>
    </message>
    <message>
        <source>%1 sent · %2 received · %3 out of order</source>
        <translation>보냄 %1 · 받음 %2 · 순서 어긋남 %3</translation>
    </message>
    <message>
        <source>a write failed with EPIPE: the reading end was closed (its process died)</source>
        <translation>쓰기가 EPIPE로 실패했습니다: 읽는 끝이 닫혔습니다 (그 프로세스가 죽음)</translation>
    </message>
    <message>
        <source>Pool.map: splitting the work</source>
        <translation>Pool.map: 일 나눠 주기</translation>
    </message>
    <message>
        <source>A pool of worker processes takes chunks of Monte Carlo tasks from a shared queue and writes each result back in input order; the chunk size decides how evenly the work is spread.</source>
        <translation>워커 프로세스 풀이 공유 큐에서 몬테카를로 작업을 묶음으로 가져가고 결과를 입력 순서대로 써 넣습니다. 묶음 크기가 일이 얼마나 고르게 나뉘는지를 정합니다.</translation>
    </message>
    <message>
        <source>Processes in the pool.</source>
        <translation>풀의 프로세스 수.</translation>
    </message>
    <message>
        <source>Inputs to map over: one Monte Carlo batch each.</source>
        <translation>map할 입력 수: 입력마다 몬테카를로 계산 한 번.</translation>
    </message>
    <message>
        <source>Consecutive tasks a worker takes at once. 0: Python&apos;s default, tasks / (4 × workers) rounded up.</source>
        <translation>워커가 한 번에 가져가는 연속된 작업 수. 0: 파이썬의 기본값, 작업 수 / (4 × 워커 수)를 올림.</translation>
    </message>
    <message>
        <source>Random points per task (the mean, with --skew increasing).</source>
        <translation>작업마다 찍는 무작위 점의 수 (--skew increasing이면 평균).</translation>
    </message>
    <message>
        <source>uniform: every task costs the same; increasing: a task&apos;s cost grows with its index, so the last chunks are the heaviest.</source>
        <translation>uniform: 모든 작업의 비용이 같음; increasing: 작업 비용이 번호에 따라 늘어나 마지막 묶음이 가장 무거움.</translation>
    </message>
    <message>
        <source>%1 of %2 tasks done · %3 missing · %4 done twice</source>
        <translation>작업 %2개 중 %1개 완료 · 빠짐 %3 · 중복 처리 %4</translation>
    </message>
    <message>
        <source>%1 results in a slot other than their input&apos;s</source>
        <translation>입력 순서와 다른 자리에 들어간 결과 %1개</translation>
    </message>
    <message>
        <source>%1 %2 · pid %3 died inside the queue&apos;s mutex, which nobody gives back; every other process waits for it forever.</source>
        <translation>%1 %2 · pid %3이(가) 큐의 뮤텍스 안에서 죽었고 아무도 돌려주지 않습니다. 다른 모든 프로세스가 영원히 기다립니다.</translation>
    </message>
    <message numerus="yes">
        <source>No consumer is left: %n producer(s) wait for a free slot in the full queue.</source>
        <translation>
            <numerusform>남은 소비자가 없습니다: 생산자 %n개가 가득 찬 큐의 빈 칸을 기다립니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A producer died before the end-of-stream sentinel was put: %n consumer(s) wait on an empty queue forever.</source>
        <translation>
            <numerusform>생산자가 스트림 끝 표시(sentinel)를 넣기 전에 죽었습니다: 소비자 %n개가 빈 큐에서 영원히 기다립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue: producers and consumers</source>
        <translation>Queue: 생산자와 소비자</translation>
    </message>
    <message>
        <source>Producers put numbered items into a bounded buffer in shared memory, consumers take them until an end-of-stream sentinel arrives: every item exactly once, each producer&apos;s items in order.</source>
        <translation>생산자는 번호 붙은 항목을 공유 메모리의 유한 버퍼에 넣고, 소비자는 스트림 끝 표시(sentinel)가 올 때까지 꺼냅니다. 모든 항목이 정확히 한 번씩, 생산자별로 순서대로 도착합니다.</translation>
    </message>
    <message>
        <source>Producer processes putting items into the queue.</source>
        <translation>큐에 항목을 넣는 생산자 프로세스 수.</translation>
    </message>
    <message>
        <source>Consumer processes taking items out of the queue.</source>
        <translation>큐에서 항목을 꺼내는 소비자 프로세스 수.</translation>
    </message>
    <message>
        <source>Items each producer makes.</source>
        <translation>생산자마다 만드는 항목 수.</translation>
    </message>
    <message>
        <source>Slots in the queue: a producer finding them all full waits. 0 means as many as ProcViz allows (4096), which in a lesson this size never fills up.</source>
        <translation>큐의 칸 수: 모두 차 있으면 생산자는 기다립니다. 0은 ProcViz가 허용하는 최대(4096)이며, 이 정도 수업에서는 절대 차지 않습니다.</translation>
    </message>
    <message>
        <source>How long making one item takes, in milliseconds.</source>
        <translation>항목 하나를 만드는 데 걸리는 시간(밀리초).</translation>
    </message>
    <message>
        <source>How long handling one item takes, in milliseconds. With both times 0 the run measures how many items per second the queue moves.</source>
        <translation>항목 하나를 처리하는 데 걸리는 시간(밀리초). 두 시간이 모두 0이면 큐가 초당 몇 개의 항목을 옮기는지 측정합니다.</translation>
    </message>
    <message>
        <source>%1 of %2 items consumed · %3 never arrived</source>
        <translation>항목 %2개 중 %1개 소비 · 도착하지 않은 항목 %3개</translation>
    </message>
    <message>
        <source>%1 items taken more than once</source>
        <translation>두 번 이상 꺼낸 항목 %1개</translation>
    </message>
    <message>
        <source>%1 items reached a consumer before an earlier item of the same producer</source>
        <translation>생산자별 순서가 뒤바뀐 항목 %1개</translation>
    </message>
    <message>
        <source>Permit holder(s) %1 died holding their permits, which nobody gives back; %2 worker(s) wait forever.</source>
        <translation>허가 보유자 %1이(가) 허가를 쥔 채 죽었고 아무도 돌려주지 않습니다. 워커 %2개가 영원히 기다립니다.</translation>
    </message>
    <message>
        <source>Semaphore: limited permits</source>
        <translation>Semaphore: 제한된 허가</translation>
    </message>
    <message>
        <source>Workers compete for a process-shared counting semaphore: only as many hold a permit at once as there are permits; the rest wait their turn.</source>
        <translation>워커들이 프로세스 공유 카운팅 세마포어를 두고 경쟁합니다. 허가 수만큼만 동시에 허가를 쥐고, 나머지는 차례를 기다립니다.</translation>
    </message>
    <message>
        <source>Invalid value &apos;%1&apos; for --permits: allowed is an integer from 1 to the number of workers (%2).</source>
        <translation>--permits의 값 &apos;%1&apos;이(가) 올바르지 않습니다: 1부터 워커 수(%2)까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>at most %1 of %2 workers held a permit at once; %3 permits</source>
        <translation>동시에 허가를 가진 워커는 최대 %1개 (허가 %3개, 워커 %2개)</translation>
    </message>
    <message>
        <source>Worker processes competing for the permits.</source>
        <translation>허가를 두고 경쟁하는 워커 프로세스 수.</translation>
    </message>
    <message>
        <source>Permits of the semaphore: how many workers may be inside at once (at most --workers).</source>
        <translation>세마포어의 허가 수: 동시에 들어갈 수 있는 워커 수 (최대 --workers).</translation>
    </message>
    <message>
        <source>How long each worker keeps its permit, in milliseconds.</source>
        <translation>각 워커가 허가를 보유하는 시간(밀리초).</translation>
    </message>
    <message>
        <source>Threads vs processes</source>
        <translation>스레드와 프로세스</translation>
    </message>
    <message>
        <source>The same CPU-bound work one after another, in threads, under an emulated GIL, and in processes: who really runs in parallel?</source>
        <translation>같은 CPU 작업을 차례로, 스레드로, emulated GIL 아래에서, 프로세스로 실행합니다: 누가 정말 병렬로 실행될까?</translation>
    </message>
    <message>
        <source>How to run the units of work: sequential (one after another), threads, gil (threads under an emulated global interpreter lock), processes, or all in turn.</source>
        <translation>작업 단위를 실행하는 방법: sequential (차례로), threads (스레드), gil (흉내 낸 전역 인터프리터 잠금 아래의 스레드), processes (프로세스), 또는 all (모두 차례로).</translation>
    </message>
    <message>
        <source>Units of work, each run by its own thread or process.</source>
        <translation>작업 단위 수, 각각 자기 스레드나 프로세스에서 실행.</translation>
    </message>
    <message>
        <source>Loop iterations per unit (sum of 0..n-1); the default takes about a second.</source>
        <translation>작업 단위마다의 반복 횟수 (0..n-1의 합); 기본값은 약 1초 걸립니다.</translation>
    </message>
    <message>
        <source>%1 of %2 worker processes exited with code 0</source>
        <translation>워커 프로세스 %2개 중 %1개가 종료 코드 0으로 끝남</translation>
    </message>
    <message>
        <source>%1 of %2 units of work computed the expected sum %3</source>
        <translation>작업 %2개 중 %1개가 기대한 합을 계산함 (%3)</translation>
    </message>
    <message>
        <source>Each worker sleeps a random extra of up to this many milliseconds, so they end at different times (the tutorial&apos;s random 1 to 3 seconds).</source>
        <translation>각 워커가 이 밀리초까지의 임의 시간을 더 잠들어서, 서로 다른 때에 끝납니다(튜토리얼의 1~3초 무작위 대기).</translation>
    </message>
    <message>
        <source>The parent joins each worker only this many milliseconds after it has exited; until then the ended process is a zombie (state Z in ps). 0: joined at once.</source>
        <translation>부모는 워커가 끝난 뒤 이 밀리초가 지나서야 join합니다. 그때까지 끝난 프로세스는 좀비(ps의 상태 Z)입니다. 0: 곧바로 join.</translation>
    </message>
    <message>
        <source>Computation between reading the counter and writing it back, in nanoseconds: the window in which another process can slip in. The default makes a run last long enough to watch; CPython needs about 500 for `counter.value += 1`; 0 makes the increment as short as the hardware allows.</source>
        <translation>카운터를 읽고 다시 쓰기까지의 계산 시간(나노초): 이 틈에 다른 프로세스가 끼어들 수 있습니다. 기본값은 실행을 지켜볼 수 있을 만큼 길게 만듭니다. CPython은 `counter.value += 1`에 약 500을 씁니다. 0이면 하드웨어가 허용하는 만큼 짧게 증가시킵니다.</translation>
    </message>
    <message>
        <source>w%1</source>
        <translation>w%1</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>워커 %1</translation>
    </message>
    <message>
        <source>Shared counter against the ideal</source>
        <translation>공유 카운터와 이상적인 값</translation>
    </message>
    <message>
        <source>shared counter</source>
        <translation>공유 카운터</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>카운터</translation>
    </message>
    <message>
        <source>ideal: %L1</source>
        <translation>이상적인 값: %L1</translation>
    </message>
    <message>
        <source>got %L1
%L2 updates lost</source>
        <translation>결과 %L1
갱신 %L2개 사라짐</translation>
    </message>
    <message>
        <source>got %L1
no update lost</source>
        <translation>결과 %L1
사라진 갱신 없음</translation>
    </message>
    <message>
        <source>sender %1</source>
        <translation>보내는 쪽 %1</translation>
    </message>
    <message>
        <source>receiver %1</source>
        <translation>받는 쪽 %1</translation>
    </message>
    <message>
        <source>peer %1</source>
        <translation>상대 %1</translation>
    </message>
    <message>
        <source>Chat through the pipe</source>
        <translation>파이프로 대화하기</translation>
    </message>
    <message>
        <source>Tasks done, and who did them</source>
        <translation>완료된 작업과 그 작업을 한 워커</translation>
    </message>
    <message>
        <source>tasks done</source>
        <translation>완료된 작업</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>all %L1 tasks</source>
        <translation>전체 작업 %L1개</translation>
    </message>
    <message>
        <source>tasks per worker:</source>
        <translation>워커별 작업 수:</translation>
    </message>
    <message>
        <source>imbalance (max ÷ mean busy): %1×</source>
        <translation>불균형 (가장 바쁜 시간 ÷ 평균): %1×</translation>
    </message>
    <message>
        <source>producer %1</source>
        <translation>생산자 %1</translation>
    </message>
    <message>
        <source>consumer %1</source>
        <translation>소비자 %1</translation>
    </message>
    <message>
        <source>Queue depth over time</source>
        <translation>시간에 따른 큐 깊이</translation>
    </message>
    <message>
        <source>items in the queue</source>
        <translation>큐 항목 수</translation>
    </message>
    <message>
        <source>items</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>capacity: %L1</source>
        <translation>용량: %L1</translation>
    </message>
    <message>
        <source>items per consumer:</source>
        <translation>소비자별 항목 수:</translation>
    </message>
    <message>
        <source>the 1 left at the end: the sentinel (None)</source>
        <translation>끝에 남은 1개: 스트림 끝 표시(None)</translation>
    </message>
    <message>
        <source>Permits in use</source>
        <translation>사용 중인 허가</translation>
    </message>
    <message>
        <source>permits in use</source>
        <translation>사용 중인 허가</translation>
    </message>
    <message>
        <source>permits</source>
        <translation>허가</translation>
    </message>
    <message>
        <source>limit: %L1 permits</source>
        <translation>한도: 허가 %L1개</translation>
    </message>
    <message>
        <source>emulated GIL</source>
        <translation>emulated GIL</translation>
    </message>
    <message>
        <source>Elapsed time per mode (kept across runs)</source>
        <translation>모드별 경과 시간 (실행 사이에도 유지)</translation>
    </message>
    <message>
        <source>Worker processes updating the shared Value and Array.</source>
        <translation>공유 Value와 Array를 갱신하는 워커 프로세스 수.</translation>
    </message>
    <message>
        <source>How many times each worker adds 1 to the Value and 1 to every element of the Array.</source>
        <translation>각 워커가 Value에 1을, Array의 모든 원소에 1을 더하는 횟수.</translation>
    </message>
    <message>
        <source>Elements of the shared Array.</source>
        <translation>공유 Array의 원소 개수.</translation>
    </message>
    <message>
        <source>Computation between reading a number and writing it back, in nanoseconds: the window in which another process can slip in (CPython needs about 500).</source>
        <translation>숫자를 읽고 다시 쓰기까지의 계산 시간(나노초): 이 틈에 다른 프로세스가 끼어들 수 있습니다 (CPython은 약 500).</translation>
    </message>
    <message>
        <source>off: plain reads and writes, as `v.value += 1` and `a[i] += 1` are without a lock (updates get lost); on: each update inside the Value&apos;s or the Array&apos;s own lock, as with `v.get_lock()`.</source>
        <translation>off: 잠금 없는 `v.value += 1`, `a[i] += 1`처럼 그냥 읽고 씁니다 (갱신이 사라짐). on: `v.get_lock()`처럼 각 갱신을 Value나 Array 자신의 잠금 안에서 합니다.</translation>
    </message>
    <message>
        <source>Value and Array: shared memory</source>
        <translation>Value와 Array: 공유 메모리</translation>
    </message>
    <message>
        <source>Processes add 1 to a shared Value and to every element of a shared Array: without their locks updates are lost, each element by its own count; with them every total is exact.</source>
        <translation>프로세스들이 공유 Value와 공유 Array의 모든 원소에 1을 더합니다: 잠금이 없으면 갱신이 사라지고 원소마다 사라진 수가 다르며, 잠금이 있으면 모든 합계가 정확합니다.</translation>
    </message>
    <message>
        <source>The Value and each element of the Array</source>
        <translation>Value와 Array의 각 원소</translation>
    </message>
    <message>
        <source>total so far</source>
        <translation>지금까지의 합계</translation>
    </message>
    <message>
        <source>total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>no update lost</source>
        <translation>사라진 갱신 없음</translation>
    </message>
    <message>
        <source>Value: %L1 lost
elements: %L2 to %L3 lost</source>
        <translation>Value: %L1개 사라짐
원소: %L2~%L3개 사라짐</translation>
    </message>
    <message>
        <source>Value: expected %1 · got %2 · %3 updates lost</source>
        <translation>Value: 기대값 %1 · 결과 %2 · 갱신 %3개 사라짐</translation>
    </message>
    <message>
        <source>%1 of %2 elements reached %3</source>
        <translation>원소 %2개 중 %1개가 %3에 도달</translation>
    </message>
    <message>
        <source>--%1 has no counterpart in the lesson&apos;s Python program, which takes %2.</source>
        <translation>--%1은(는) 수업의 파이썬 프로그램에 대응하는 것이 없습니다. 그 프로그램은 %2을(를) 받습니다.</translation>
    </message>
    <message>
        <source>the program ended with exit code 0 but printed no result line</source>
        <translation>프로그램이 종료 코드 0으로 끝났지만 결과 줄을 출력하지 않았습니다</translation>
    </message>
    <message>
        <source>the program ended with exit code 0 and printed its result</source>
        <translation>프로그램이 종료 코드 0으로 끝나고 결과를 출력했습니다</translation>
    </message>
    <message>
        <source>the program did not end well (%1)</source>
        <translation>프로그램이 제대로 끝나지 않았습니다 (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 processes exited with code %3, as the engine saw them reaped</source>
        <translation>프로세스 %2개 중 %1개가 코드 %3으로 종료했습니다 (엔진이 본 회수 결과)</translation>
    </message>
    <message>
        <source>--lock robust has no counterpart in Python&apos;s multiprocessing, whose Lock is not robust: with --runtime python, --lock is off or on.</source>
        <translation>--lock robust는 파이썬 multiprocessing에 대응하는 것이 없습니다 (그 Lock은 robust가 아닙니다): --runtime python에서는 --lock이 off 또는 on입니다.</translation>
    </message>
    <message>
        <source>%1 messages sent; every receiver got them in the order sent: %2</source>
        <translation>메시지 %1개를 보냄. 모든 받는 쪽이 보낸 순서대로 받음: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>%1 results, each task&apos;s in its input&apos;s place: %2</source>
        <translation>결과 %1개, 각 작업의 결과가 입력 자리에 있음: %2</translation>
    </message>
    <message>
        <source>%1 items produced · %2 taken · %3 distinct</source>
        <translation>생산 %1개 · 가져감 %2개 · 서로 다름 %3개</translation>
    </message>
    <message>
        <source>each consumer took each producer&apos;s items in order</source>
        <translation>각 소비자가 각 생산자의 항목을 순서대로 가져갔습니다</translation>
    </message>
    <message>
        <source>a consumer took a producer&apos;s items out of order</source>
        <translation>한 소비자가 생산자의 항목을 순서와 다르게 가져갔습니다</translation>
    </message>
    <message>
        <source>at most %1 processes held a permit at once; %2 permits</source>
        <translation>한 번에 허가를 가진 프로세스는 최대 %1개. 허가 %2개</translation>
    </message>
    <message>
        <source>--mode gil is the C++ runtime&apos;s emulation: in Python the GIL is real, and --mode threads runs under it. With --runtime python, --mode is sequential, threads, processes or all.</source>
        <translation>--mode gil은 C++ 런타임의 흉내입니다: 파이썬에서는 GIL이 진짜이고 --mode threads가 그 아래에서 실행됩니다. --runtime python에서는 --mode가 sequential, threads, processes, all 중 하나입니다.</translation>
    </message>
</context>
<context>
    <name>ProcViz::StatePalette</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>잠자는 중</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>멈춤 (SIGSTOP)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>보유 중</translation>
    </message>
    <message>
        <source>zombie (not joined)</source>
        <translation>좀비 (join 전)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>좀비</translation>
    </message>
</context>
<context>
    <name>ProcViz::StateTimeline</name>
    <message>
        <source>Click a lane (or use the Up/Down keys) to select its worker, e.g. to kill it</source>
        <translation>레인을 클릭하거나 위/아래 키로 그 워커를 선택하세요 (예: 종료할 워커)</translation>
    </message>
</context>
<context>
    <name>ProcViz::ThemeSwitcher</name>
    <message>
        <source>&amp;System</source>
        <translation>시스템(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ProcViz::TimelinePlottable</name>
    <message>
        <source>✗ killed (SIGKILL)</source>
        <translation>✗ 강제 종료됨 (SIGKILL)</translation>
    </message>
    <message>
        <source>✗ signal %1</source>
        <translation>✗ 시그널 %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>종료 %1</translation>
    </message>
</context>
<context>
    <name>ProcViz::TimingPanel</name>
    <message>
        <source>elapsed (s) · n× = speedup</source>
        <translation>경과 (초) · n× = 속도 향상</translation>
    </message>
    <message>
        <source>%1 s
%2×</source>
        <translation>%1초
%2×</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message numerus="yes">
        <source>ideal with %n core(s): %1 s</source>
        <translation>
            <numerusform>코어 %n개일 때 이상적인 값: %1초</numerusform>
        </translation>
    </message>
    <message>
        <source>elapsed (s)</source>
        <translation>경과 (초)</translation>
    </message>
</context>
<context>
    <name>ProcViz::Translations</name>
    <message>
        <source>Invalid value &apos;%1&apos; for --lang: allowed is one of: %2.</source>
        <translation>--lang의 값 &apos;%1&apos;이(가) 올바르지 않습니다: 다음 중 하나여야 합니다: %2.</translation>
    </message>
</context>
<context>
    <name>ProcViz::ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;Hand-offs</source>
        <translation>전달 화살표 보기(&amp;H)</translation>
    </message>
    <message>
        <source>Arrows between the lanes: a queue item, a message, a permit or the lock passing from one process to another</source>
        <translation>레인 사이의 화살표: 큐 항목, 메시지, 허가, 잠금이 한 프로세스에서 다른 프로세스로 넘어가는 순간</translation>
    </message>
</context>
<context>
    <name>ProcViz::WorkerProcess</name>
    <message>
        <source>Could not create a telemetry pipe: %1</source>
        <translation>텔레메트리 파이프를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not create an input pipe: %1</source>
        <translation>입력 파이프를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>pidfd_open failed (Linux 5.3 or newer is needed): %1</source>
        <translation>pidfd_open 실패 (Linux 5.3 이상이 필요합니다): %1</translation>
    </message>
</context>
<context>
    <name>Spawner</name>
    <message>
        <source>Could not create the spawner&apos;s socket: %1</source>
        <translation>생성기의 소켓을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not start the worker program &apos;%1&apos;: %2</source>
        <translation>워커 프로그램 &apos;%1&apos;을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The worker program &apos;%1&apos; could not act as spawner: %2</source>
        <translation>워커 프로그램 &apos;%1&apos;이(가) 생성기 역할을 할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The worker spawner is gone.</source>
        <translation>워커 생성기가 사라졌습니다.</translation>
    </message>
    <message>
        <source>Could not send a request to the worker spawner: %1</source>
        <translation>워커 생성기에 요청을 보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The worker spawner sent a malformed answer.</source>
        <translation>워커 생성기가 잘못된 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>The worker spawner could not create the worker: %1</source>
        <translation>워커 생성기가 워커를 만들 수 없었습니다: %1</translation>
    </message>
    <message>
        <source>The worker spawner (pid %1) did not answer within %2 ms.</source>
        <translation>워커 생성기(pid %1)가 %2 ms 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not read from the worker spawner: %1</source>
        <translation>워커 생성기에서 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The worker spawner (pid %1) was killed by signal %2 (%3).</source>
        <translation>워커 생성기(pid %1)가 시그널 %2(%3)로 죽었습니다.</translation>
    </message>
    <message>
        <source>The worker spawner (pid %1) exited with code %2.</source>
        <translation>워커 생성기(pid %1)가 종료 코드 %2로 끝났습니다.</translation>
    </message>
    <message>
        <source>The worker spawner (pid %1) ended unexpectedly.</source>
        <translation>워커 생성기(pid %1)가 예기치 않게 끝났습니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>procviz: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
Without a display, use the command line instead:
  procviz list          the scenarios and their parameters
  procviz run timing    run a scenario and print its result
  procviz --help        everything else
</source>
        <translation>procviz: 디스플레이가 없어(DISPLAY도 WAYLAND_DISPLAY도 설정되지 않음) 창을 열 수 없습니다.
디스플레이 없이 명령줄을 쓰세요:
  procviz list          시나리오와 매개변수
  procviz run timing    시나리오를 실행하고 결과 출력
  procviz --help        그 밖의 모든 것
</translation>
    </message>
</context>
</TS>
