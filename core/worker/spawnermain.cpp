// SPDX-License-Identifier: GPL-3.0-or-later
#include "spawnermain.h"

#include "engine/spawnrequest.h"
#include "processtitle.h"
#include "scenario/scenarioregistry.h"
#include "workermain.h"

#include <QDir>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr int UsageError = 64;
constexpr int CannotClone = 70;
constexpr int ParentGone = 71;
/// Descriptor numbers below this are the worker's to receive; copies wait above it while they are moved.
constexpr int FirstFreeDescriptor = 64;

// The kernel's struct clone_args as of Linux 5.3 (CLONE_ARGS_SIZE_VER0), spelled out here because
// <linux/sched.h> clashes with <sched.h>.
struct CloneArgs
{
    std::uint64_t flags, pidfd, childTid, parentTid, exitSignal, stack, stackSize, tls;
};
static_assert(sizeof(CloneArgs) == 64);

// What glibc's fork() repairs in its child, and a raw clone must repair by hand: glibc keeps each thread's
// TID in its own bookkeeping (mutexes record their owner with it, robust mutexes are recovered by it), and
// the kernel does not carry the robust-mutex list over to a child.
struct ThreadBookkeeping
{
    pid_t* tidField = nullptr;
    void* robustList = nullptr;
    size_t robustListSize = 0;
    QByteArray problem; ///< why this process cannot clone itself safely; empty when it can
};

ThreadBookkeeping inspectThread()
{
    ThreadBookkeeping thread;
    // glibc hands the kernel the address of its TID field (set_tid_address) when the process starts;
    // PR_GET_TID_ADDRESS gives it back on kernels built with CONFIG_CHECKPOINT_RESTORE (Debian's, and most).
    if (prctl(PR_GET_TID_ADDRESS, &thread.tidField) != 0 || !thread.tidField || *thread.tidField != gettid())
        thread.problem = "the kernel does not report the C library's thread-id field (PR_GET_TID_ADDRESS, "
                         "which needs a kernel with CONFIG_CHECKPOINT_RESTORE)";
    else if (syscall(SYS_get_robust_list, 0, &thread.robustList, &thread.robustListSize) != 0)
        thread.problem = "get_robust_list failed";
    // Cloning copies only the calling thread: any other thread, and any lock it held, would be lost.
    else if (QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() != 1)
        thread.problem = "the spawner has more than one thread, so it cannot clone itself safely";
    return thread;
}

// A copy of this process whose parent is our parent, the engine: CLONE_PARENT. Like glibc's fork(), the
// kernel writes the child's TID into glibc's field (CLONE_CHILD_SETTID) and clears it when it exits.
pid_t cloneAsSibling(const ThreadBookkeeping& thread)
{
    CloneArgs args {};
    args.flags = CLONE_PARENT | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
    args.childTid = std::uint64_t(reinterpret_cast<std::uintptr_t>(thread.tidField));
    // No exit signal and no stack: with CLONE_PARENT the kernel insists on 0 and gives the child the
    // spawner's own exit signal (SIGCHLD, as posix_spawn set it); a null stack continues on a copy of ours.
    long pid = syscall(SYS_clone3, &args, sizeof args);
    if (pid < 0 && errno == ENOSYS) {
        // Seccomp profiles of some container runtimes refuse clone3: the classic call, in each ABI's order.
        const unsigned long flags = args.flags | SIGCHLD;
#if defined(__x86_64__)
        pid = syscall(SYS_clone, flags, nullptr, nullptr, thread.tidField, nullptr);
#elif defined(__aarch64__) || defined(__arm__) || defined(__i386__) || defined(__powerpc__)
        pid = syscall(SYS_clone, flags, nullptr, nullptr, nullptr, thread.tidField);
#endif
    }
    return pid_t(pid);
}

// close_range() is Linux 5.9; before it, one close() a descriptor up to the limit.
void closeRange(int first, int last)
{
    if (close_range(unsigned(first), unsigned(last), 0) == 0)
        return;
    const int limit = std::min(last, int(sysconf(_SC_OPEN_MAX)) - 1);
    for (int fd = first; fd <= limit; ++fd)
        ::close(fd);
}

[[noreturn]] void fail(const char* what)
{
    std::perror(what);
    std::_Exit(CannotClone);
}

// The child of cloneAsSibling() turns into the worker the request describes. It is a copy of the
// single-threaded spawner, so, as after fork(), no lock can be held by a thread that no longer exists and
// malloc, Qt and stdio are safe to use.
[[noreturn]] void becomeWorker(
    SpawnRequest request, const QList<int>& received, ProcessTitle& title, const ThreadBookkeeping& thread)
{
    syscall(SYS_set_robust_list, thread.robustList, thread.robustListSize);

    // Park every received descriptor above the targets, drop everything else the spawner had below them
    // (its socket included), then put each in place: no dup2 can overwrite a source that is still needed.
    std::vector<int> parked;
    for (int fd : received) {
        parked.push_back(fcntl(fd, F_DUPFD, FirstFreeDescriptor));
        if (parked.back() < 0)
            fail("procviz-worker: fcntl(F_DUPFD)");
    }
    closeRange(STDERR_FILENO + 1, FirstFreeDescriptor - 1);
    for (size_t i = 0; i < parked.size(); ++i) {
        if (dup2(parked[i], request.descriptorTargets.at(qsizetype(i))) < 0)
            fail("procviz-worker: dup2");
    }
    closeRange(FirstFreeDescriptor, std::numeric_limits<int>::max());

    sigset_t noSignals;
    sigemptyset(&noSignals);
    sigprocmask(SIG_SETMASK, &noSignals, nullptr);
    struct sigaction byDefault {};
    byDefault.sa_handler = SIG_DFL;
    for (int signal = 1; signal < NSIG; ++signal) {
        if (signal != SIGKILL && signal != SIGSTOP)
            sigaction(signal, &byDefault, nullptr); // fails harmlessly for the C library's reserved ones
    }

    // The request's strings live until exit: putenv keeps pointers to them, not copies.
    clearenv();
    for (auto& entry : request.environment)
        putenv(entry.data());
    // Before the worker's own code runs, so that not even its first moments compete with the window.
    if (request.nice > 0)
        setpriority(PRIO_PROCESS, 0, request.nice);
    title.set(request.arguments);
    std::vector<char*> argv;
    for (auto& argument : request.arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    std::exit(workerMain(int(request.arguments.size()), argv.data()));
}

bool validTargets(const SpawnRequest& request, const QList<int>& received)
{
    return request.descriptorTargets.size() == received.size()
        && std::all_of(request.descriptorTargets.cbegin(), request.descriptorTargets.cend(),
            [](int target) { return target >= 0 && target < FirstFreeDescriptor; });
}
} // namespace

int spawnerMain(int argc, char** argv)
{
    // Die with the engine, and notice if it already died before this line.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const auto parent = qEnvironmentVariableIntValue("PROCVIZ_PARENT_PID");
    if (parent > 0 && getppid() != parent)
        return ParentGone;
    const int socket = SpawnChannel::SpawnerFd;
    if (fcntl(socket, F_SETFD, FD_CLOEXEC) != 0) {
        std::fprintf(stderr, "procviz-worker: --spawner is started by ProcViz, with its socket as descriptor %d\n",
            SpawnChannel::SpawnerFd);
        return UsageError;
    }
    ProcessTitle title(argc, argv);
    // Built once, here, instead of in every worker. Nothing that must differ between workers may be set up
    // in the spawner: every clone inherits it as it is (Python's fork start method has the same trap with
    // random generators seeded before the fork).
    ScenarioRegistry::instance();
    const auto thread = inspectThread();
    // The first message tells the engine whether to expect workers from us, and if not, why.
    if (!SpawnChannel::send(socket, thread.problem.isEmpty() ? SpawnChannel::Ready : thread.problem))
        return ParentGone;
    if (!thread.problem.isEmpty())
        return CannotClone;

    // Strictly one request at a time, with no threads and no event loop: cloning must copy a process
    // in which nothing else is going on.
    for (;;) {
        QList<int> received;
        const auto bytes = SpawnChannel::receive(socket, &received);
        if (!bytes)
            return 0; // the engine closed its end: the run needs no more workers
        SpawnReply reply;
        auto request = SpawnRequest::decode(*bytes);
        if (!request || !validTargets(*request, received)) {
            reply.error = EPROTO;
        } else {
            const pid_t pid = cloneAsSibling(thread);
            if (pid == 0)
                becomeWorker(*request, received, title, thread);
            reply.pid = pid > 0 ? pid : 0;
            reply.error = pid > 0 ? 0 : errno;
        }
        for (int fd : std::as_const(received))
            ::close(fd);
        if (!SpawnChannel::send(socket, QByteArray(reinterpret_cast<const char*>(&reply), sizeof reply)))
            return 0;
    }
}

} // namespace ProcViz
