// The Loader's second thread (load_worker.h).
#include "load_worker.h"

#include <utility>

namespace diplograph {

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
                                         bool place) {
  batch_.emplace_back(EdgeJob{entry, doc, std::move(c), place});
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
    if (e->place) {
      entries_.push_back(e->entry);
      placed_.push_back(graph_.PlaceEdge(e->entry->first, e->entry->second, nullptr, &index_));
    }
  } else if (std::get<EndNodesJob>(job).place) {
    graph_.PlaceAllNodes(&index_);
    {
      std::lock_guard<std::mutex> lock(mu_);
      nodes_placed_ = true;
    }
    idle_.notify_all();
  }
}

void KnowledgeGraph::LoadWorker::Prefetch(const Job& job, bool early) const {
  // Documents and edge targets come in no order: each is mostly a cache miss.
  const auto* e = std::get_if<EdgeJob>(&job);
  if (e == nullptr) return;
  if (early) {
    __builtin_prefetch(&e->doc->entry.id);
    __builtin_prefetch(&e->doc->edges);
    if (e->place) index_.vertex_of.Prefetch(e->entry->first.target);
  } else {
    const std::vector<RawEdgeEntry*>& edges = e->doc->edges;  // this thread's to change
    __builtin_prefetch(edges.data() + edges.size());
    if (e->place) {
      // The target's vertex, whose in-edge list the edge joins.
      if (const Vertex* v = index_.vertex_of.Find(e->entry->first.target)) __builtin_prefetch(*v);
    }
  }
}

void KnowledgeGraph::LoadWorker::Run() {
  std::vector<std::vector<Job>> work;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [&] { return stop_ || last_ || !queue_.empty(); });
      if (stop_) return;
      work.swap(queue_);
      if (work.empty()) return;  // the last batch was done
    }
    try {
      if (!error_) {
        constexpr size_t kEarly = 4, kLate = 2;  // jobs ahead
        for (auto& batch : work) {
          const size_t n = batch.size();
          for (size_t i = 0; i < n; ++i) {
            if (i + kEarly < n) Prefetch(batch[i + kEarly], true);
            if (i + kLate < n) Prefetch(batch[i + kLate], false);
            Do(batch[i]);
          }
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

void KnowledgeGraph::LoadWorker::Finish(const std::vector<const RawEdgeEntry*>& late) {
  // While the thread places the last edges, this one derives every node
  // but the occasions (whose dates come from edges), once they are placed.
  std::vector<Vertex> occasions;
  bool nodes_done = false;
  if (thread_.joinable()) {
    Hand(true);
    {
      std::unique_lock<std::mutex> lock(mu_);
      idle_.wait(lock, [&] { return nodes_placed_ || done_ == handed_; });
      nodes_done = nodes_placed_;
    }
    if (nodes_done) graph_.DeriveNodesButOccasions(&occasions);
  }
  Drain();
  for (const RawEdgeEntry* entry : late) {
    entries_.push_back(entry);
    placed_.push_back(graph_.PlaceEdge(entry->first, entry->second, nullptr, &index_));
  }
  graph_.DeriveAllValues(entries_, placed_, nodes_done ? &occasions : nullptr);
}

}  // namespace diplograph
