// The Loader's second thread (load_worker.h).
#include "load_worker.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <span>
#include <utility>

namespace diplograph {

namespace graph_internal {
namespace {
std::atomic<int> load_worker_delay_us{0};
std::atomic<size_t> edges_derived_ahead{0};
}  // namespace
void SetLoadWorkerDelayForTesting(int us) { load_worker_delay_us.store(us); }
size_t EdgesDerivedAheadForTesting() { return edges_derived_ahead.load(); }
}  // namespace graph_internal

KnowledgeGraph::LoadWorker::LoadWorker(const KnowledgeGraph& graph) : graph_(graph) {
  batch_.reserve(kBatch);
  thread_ = std::thread([this] { Run(); });
}

KnowledgeGraph::LoadWorker::~LoadWorker() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  ready_.notify_one();
  thread_.join();
}

void KnowledgeGraph::LoadWorker::AddNode(RawNodeEntry* raw, DocSlot* doc, NodeContribution c) {
  batch_.emplace_back(NodeJob{raw, doc, std::move(c)});
  if (batch_.size() == kBatch) Hand(false);
}

void KnowledgeGraph::LoadWorker::EndNodes(bool place) {
  edges_ = true;
  placing_ = place;
  batch_.emplace_back(EndNodesJob{place});
  Hand(false);  // placing the nodes can start now
}

void KnowledgeGraph::LoadWorker::AddEdge(RawEdgeEntry* entry, DocSlot* doc, EdgeContribution c,
                                         bool place, const RawNodeEntry* target) {
  batch_.emplace_back(EdgeJob{entry, doc, std::move(c), place, target});
  if (batch_.size() == kBatch) Hand(false);
}

void KnowledgeGraph::LoadWorker::Hand(bool last) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!batch_.empty()) {
      queue_.push_back(std::move(batch_));
      ++handed_;
      batch_.clear();  // a moved-from vector is valid but unspecified
      if (!spare_.empty()) {
        batch_ = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    last_ = last_ || last;
  }
  ready_.notify_one();
  batch_.reserve(kBatch);
}

void KnowledgeGraph::LoadWorker::Do(Job& job) {
  if (auto* n = std::get_if<NodeJob>(&job)) {
    AddNodeContribution(n->raw, n->doc->entry.id, std::move(n->c));
  } else if (auto* e = std::get_if<EdgeJob>(&job)) {
    AddEdgeContribution(e->entry, e->doc, std::move(e->c));
    if (e->place) Place(e->entry, e->target);
  } else if (std::get<EndNodesJob>(job).place) {
    graph_.PlaceAllNodes(&index_);
    {
      std::lock_guard<std::mutex> lock(mu_);
      nodes_placed_ = true;
    }
    idle_.notify_all();
  }
}

void KnowledgeGraph::LoadWorker::Prefetch(Job& job, bool early) const {
  // Documents and edge targets come in no order: each is mostly a cache miss.
  auto* e = std::get_if<EdgeJob>(&job);
  if (e == nullptr) return;
  if (early) {
    __builtin_prefetch(&e->doc->entry.id);
    __builtin_prefetch(&e->doc->edges);
    if (!e->place) return;
    __builtin_prefetch(&e->entry->first);  // written by the loader's thread
    __builtin_prefetch(reinterpret_cast<const char*>(&e->entry->first) + 64);
    if (e->target_node != nullptr) {
      __builtin_prefetch(&e->target_node->second.vertex);
    } else {
      index_.vertex_of.Prefetch(e->entry->first.target);
    }
  } else {
    const std::vector<RawEdgeEntry*>& edges = e->doc->edges;  // this thread's to change
    __builtin_prefetch(edges.data() + edges.size());
    if (e->place) {
      // The target's vertex, whose in-edge list the edge joins (left null
      // when not found: PlaceEdge() looks it up).
      if (e->target_node != nullptr) {
        e->target = e->target_node->second.vertex;
      } else if (const Vertex* v = index_.vertex_of.Find(e->entry->first.target)) {
        e->target = *v;
      }
      if (e->target != nullptr) __builtin_prefetch(e->target);
    }
  }
}

void KnowledgeGraph::LoadWorker::Run() {
  std::vector<std::vector<Job>> work;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      // Caught up with the loader's thread: rather than wait, derive the
      // edges placed so far, while they are still in cache, so that fewer
      // are left for Finish().
      while (!stop_ && !last_ && queue_.empty() && CanDeriveAhead()) {
        lock.unlock();
        try {
          DeriveAhead();
        } catch (...) {
          error_ = std::current_exception();  // Drain() throws it
        }
        lock.lock();
      }
      ready_.wait(lock, [&] { return stop_ || last_ || !queue_.empty(); });
      if (stop_) return;
      work.swap(queue_);
      if (work.empty()) return;  // the last batch was done
    }
    try {
      if (!error_) {
        constexpr size_t kEarly = 4, kLate = 2;  // jobs ahead
        for (auto& batch : work) {
          if (const int us = graph_internal::load_worker_delay_us.load(std::memory_order_relaxed)) {
            std::this_thread::sleep_for(std::chrono::microseconds(us));
          }
          const size_t n = batch.size();
          for (size_t i = 0; i < n; ++i) {
            if (i + kEarly < n) Prefetch(batch[i + kEarly], true);
            if (i + kLate < n) Prefetch(batch[i + kLate], false);
            Do(batch[i]);
          }
          if (publish_.load(std::memory_order_relaxed)) Publish();
        }
      }
    } catch (...) {
      error_ = std::current_exception();  // the rest is skipped; Drain() throws it
    }
    for (auto& batch : work) batch.clear();
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ += work.size();
      for (auto& batch : work) spare_.push_back(std::move(batch));
    }
    work.clear();
    idle_.notify_all();
  }
}

bool KnowledgeGraph::LoadWorker::CanDeriveAhead() const {
  // All but the last edge placed: its raw key may get contributions yet.
  return !error_ && !joined_existing_ && placed_.from + 1 < placed_.entries.size();
}

void KnowledgeGraph::LoadWorker::DeriveAhead() {
  constexpr size_t kStep = 256;  // then look for work again
  const size_t end = std::min(placed_.entries.size() - 1, placed_.from + kStep);
  graph_internal::edges_derived_ahead.fetch_add(end - placed_.from, std::memory_order_relaxed);
  DeriveUpTo(&placed_, end);
}

void KnowledgeGraph::LoadWorker::DeriveUpTo(Placed* p, size_t end) const {
  for (; p->from < end; ++p->from) graph_.DeriveEdgeFrom(p->edges[p->from], *p->entries[p->from]);
}

void KnowledgeGraph::LoadWorker::Place(const RawEdgeEntry* entry, Vertex target) {
  const Edge edge = graph_.PlaceEdge(entry->first, entry->second, nullptr, &index_, target);
  placed_.entries.push_back(entry);
  placed_.edges.push_back(edge);
  if ((*graph_.graph_)[edge].keys.size() > 1) joined_existing_ = true;
}

void KnowledgeGraph::LoadWorker::Publish() {
  if (placed_.entries.size() < 2) return;
  Placed out = std::exchange(placed_, {});
  placed_.entries.push_back(out.entries.back());
  placed_.edges.push_back(out.edges.back());
  out.entries.pop_back();
  out.edges.pop_back();  // out.from (derived ahead) stays: never past the last one
  {
    std::lock_guard<std::mutex> lock(mu_);
    derivable_.push_back(std::move(out));
  }
  idle_.notify_all();
}

bool KnowledgeGraph::LoadWorker::Busy() {
  std::lock_guard<std::mutex> lock(mu_);
  return done_ != handed_;
}

void KnowledgeGraph::LoadWorker::DeriveWhileBusy(std::vector<Vertex>* nodes, bool edges,
                                                 std::vector<Placed>* derived,
                                                 std::vector<Placed>* rest) {
  // Nodes and edges are derived in steps, between looks at whether the
  // thread is done: then what is left goes faster on every core.
  std::vector<Vertex> all;
  all.reserve(graph_.vertices_.size());
  for (const auto& [id, v] : graph_.vertices_) all.push_back(v);
  constexpr size_t kNodeStep = 256;
  size_t next = 0;
  while (next < all.size() && Busy()) {
    const size_t n = std::min(kNodeStep, all.size() - next);
    graph_.DeriveNodesButOccasions(std::span(all).subspan(next, n), nodes);
    next += n;
  }
  nodes->insert(nodes->end(), all.begin() + static_cast<ptrdiff_t>(next), all.end());
  if (!edges) return;
  publish_.store(true, std::memory_order_relaxed);
  constexpr size_t kStep = 4096;
  bool busy = true;
  while (busy) {
    Placed p;
    {
      std::unique_lock<std::mutex> lock(mu_);
      idle_.wait(lock, [&] { return !derivable_.empty() || done_ == handed_; });
      if (derivable_.empty()) break;
      p = std::move(derivable_.front());
      derivable_.erase(derivable_.begin());
    }
    while (p.from < p.entries.size()) {
      DeriveUpTo(&p, std::min(p.entries.size(), p.from + kStep));
      if (!Busy()) {
        busy = false;
        break;
      }
    }
    (p.from == p.entries.size() ? derived : rest)->push_back(std::move(p));
  }
}

void KnowledgeGraph::LoadWorker::Sync() {
  Hand(false);
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [&] { return done_ == handed_; });
  if (error_) std::rethrow_exception(error_);
}

void KnowledgeGraph::LoadWorker::Drain() {
  if (!thread_.joinable()) return;
  Hand(true);
  thread_.join();
  if (error_) std::rethrow_exception(error_);
}

void KnowledgeGraph::LoadWorker::Finish(const std::vector<const RawEdgeEntry*>& late,
                                        bool in_order) {
  // While the thread places the last edges, this one derives, once they
  // are placed, the nodes but the occasions (whose dates come from edges),
  // then the edges placed so far that the thread handed over: each reads
  // its raw key's contributions, all stored by then, and writes its own
  // values, which the thread no longer touches (it reads an edge's key and
  // adds to its raw keys, and derives only edges it has not handed over).
  std::vector<Vertex> nodes_left;
  bool nodes_done = false;
  std::vector<Placed> derived, rest;  // in order, but for the keys placed last
  if (thread_.joinable()) {
    Hand(true);
    {
      std::unique_lock<std::mutex> lock(mu_);
      idle_.wait(lock, [&] { return nodes_placed_ || done_ == handed_; });
      nodes_done = nodes_placed_;
    }
    if (nodes_done) DeriveWhileBusy(&nodes_left, in_order, &derived, &rest);
  }
  Drain();
  for (Placed& p : derivable_) rest.push_back(std::move(p));
  derivable_.clear();
  for (const RawEdgeEntry* entry : late) Place(entry, nullptr);
  rest.push_back(std::move(placed_));
  // An edge derived early may have more keys now, or (keys out of order)
  // more contributions.
  if (joined_existing_ || !in_order) {
    rest.insert(rest.end(), std::make_move_iterator(derived.begin()),
                std::make_move_iterator(derived.end()));
    for (Placed& p : rest) p.from = 0;
  }
  for (const Placed& p : rest) {
    graph_.DeriveEdgeValues(std::span(p.entries).subspan(p.from),
                            std::span(p.edges).subspan(p.from));
  }
  graph_.DeriveNodeValues(nodes_done ? &nodes_left : nullptr);
}

}  // namespace diplograph
