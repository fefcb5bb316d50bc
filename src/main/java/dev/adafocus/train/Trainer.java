package dev.adafocus.train;

import dev.adafocus.Seeds;
import dev.adafocus.config.EvalConfig;
import dev.adafocus.config.TrainConfig;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.eval.BatchSource;
import dev.adafocus.eval.EvalResult;
import dev.adafocus.eval.Evaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * The epoch loop of the official recipe: epochs 0..epochs inclusive (or 0..epochs-1, {@code final_zero_lr_epoch}), per-epoch learning rates per parameter group,
 * SGD with momentum, optional gradient accumulation and clipping, validation by the official rule, listeners for
 * everything else. Every random stream is reseeded from (seed, epoch, iteration), so {@link #resume} needs only the
 * checkpoint to continue the same curve.
 *
 * @param <B> the batch type
 */
public final class Trainer<B> implements AutoCloseable {
  private final TrainTask<B> task;
  private final BatchSource<B> trainData;
  private final BatchSource<B> valData;
  private final TrainConfig config;
  private final EvalConfig evalConfig;
  private final List<TrainingListener> listeners;
  private final LrSchedule schedule;
  private final Sgd optimizer;
  private final List<EpochRecord> history = new ArrayList<>();
  private int startEpoch;
  private int endEpoch;
  private double bestValue = Double.NaN;
  private int bestEpoch = -1;

  /** {@code valData} may be null (no validation, hence no best checkpoint). */
  public Trainer(TrainTask<B> task, BatchSource<B> trainData, BatchSource<B> valData, TrainConfig config,
      EvalConfig evalConfig, List<TrainingListener> listeners) {
    this.task = task;
    this.trainData = trainData;
    this.valData = valData;
    this.config = config;
    this.evalConfig = evalConfig;
    this.listeners = List.copyOf(listeners);
    this.schedule = new LrSchedule(config);
    this.optimizer = new Sgd(task.parameterGroups(), config.momentum(), config.weightDecay());
    schedule.groupLrs(optimizer.groups().stream().map(ParamGroup::name).toList(), 0);
  }

  /** Restores model, optimiser, best metric and history from {@code c}; training continues at {@code c.epoch() + 1}. */
  public void resume(Checkpoint c, String source) {
    StateDicts.load(task.module(), c.model(), source, key -> false);
    optimizer.load(c.optimizer(), source);
    history.clear();
    history.addAll(c.history());
    bestValue = c.bestValue();
    bestEpoch = c.bestEpoch();
    startEpoch = c.epoch() + 1;
  }

  /** Trains to the end of the schedule ({@link TrainConfig#passes()} epochs). */
  public void fit() {
    fit(config.passes());
  }

  /** Trains epochs {@code startEpoch() .. endEpochExclusive - 1}. */
  public void fit(int endEpochExclusive) {
    endEpoch = Math.min(endEpochExclusive, config.passes());
    listeners.forEach(l -> l.onTrainingStart(this));
    try {
      for (int epoch = startEpoch; epoch < endEpoch; epoch++) {
        runEpoch(epoch);
        startEpoch = epoch + 1;
      }
    } catch (RuntimeException | Error e) {
      listeners.forEach(l -> l.onTrainingEnd(this, e));
      throw e;
    }
    listeners.forEach(l -> l.onTrainingEnd(this, null));
  }

  private void runEpoch(int epoch) {
    double lr = schedule.baseLr(epoch);
    listeners.forEach(l -> l.onEpochStart(this, epoch));
    task.setTraining(true);
    Iterator<B> it = trainData.batches(epoch);
    double meanLoss;
    try {
      meanLoss = trainEpoch(epoch, it, lr);
    } finally {
      Evaluator.closeIfNeeded(it);
    }
    Map<String, Double> metrics = Map.of();
    if (valData != null && evalConfig.isEvalEpoch(epoch, config.epochs())) {
      EvalResult result;
      try {
        result = Evaluator.evaluate(task, valData, epoch);
      } catch (RuntimeException e) {
        EpochRecord unvalidated = new EpochRecord(epoch, lr, meanLoss, Map.of());
        history.add(unvalidated);
        listeners.forEach(l -> l.onValidationFailure(this, unvalidated, e));
        throw e;
      }
      metrics = result.metrics();
      double v = metrics.get(evalConfig.bestMetric());
      if (bestEpoch < 0 || v > bestValue) {
        bestValue = v;
        bestEpoch = epoch;
      }
    }
    EpochRecord record = new EpochRecord(epoch, lr, meanLoss, metrics);
    history.add(record);
    listeners.forEach(l -> l.onEpochEnd(this, record));
  }

  /** The training iterations of one epoch; returns the mean batch loss. */
  private double trainEpoch(int epoch, Iterator<B> it, double lr) {
    List<String> groupNames = optimizer.groups().stream().map(ParamGroup::name).toList();
    Map<String, Double> lrs = schedule.groupLrs(groupNames, epoch);
    Set<String> frozen = new HashSet<>();
    groupNames.stream().filter(g -> schedule.frozen(g, epoch) || lrs.get(g) == 0).forEach(frozen::add);
    boolean learning = frozen.size() < groupNames.size();
    setRequiresGrad(frozen, false);
    try {
      return trainIterations(epoch, it, lr, lrs, frozen, learning);
    } finally {
      setRequiresGrad(frozen, true);
    }
  }

  /**
   * Switches gradient tracking of the named groups' parameters: a frozen or zero-lr group needs no gradient, so its
   * backward pass is skipped (updates and results are unchanged).
   */
  private void setRequiresGrad(Set<String> groups, boolean on) {
    for (ParamGroup g : optimizer.groups()) {
      if (groups.contains(g.name())) {
        g.params().values().forEach(p -> p.requires_grad_(on));
      }
    }
  }

  /** The iterations of one epoch; with no group learning (the final lr-0 epoch) only the forward passes run. */
  private double trainIterations(int epoch, Iterator<B> it, double lr, Map<String, Double> lrs, Set<String> frozen,
      boolean learning) {
    int n = trainData.batchesPerEpoch();
    int k = config.accumulationSteps();
    optimizer.zeroGrad();
    double lossSum = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      B batch = it.next();
      long t1 = System.nanoTime();
      int groupStart = i - i % k;
      int groupSize = Math.min(k, n - groupStart);
      double loss;
      Map<String, Double> scalars;
      try (NativeScope s = NativeScope.open()) {
        Engine.seed(Seeds.step(config.seed(), epoch, i));
        StepResult r = task.trainStep(batch);
        loss = r.loss().item_double();
        scalars = r.scalars();
        final int iteration = i;
        listeners.forEach(l -> l.onLoss(this, epoch, iteration, loss));
        if (learning) {
          Tensor scaled = groupSize == 1 ? r.loss() : r.loss().div(new Scalar(groupSize));
          scaled.backward();
          if (i == groupStart + groupSize - 1) {
            if (config.gradClip() != null) {
              optimizer.clipGradNorm(config.gradClip());
            }
            optimizer.step(lrs, frozen);
            optimizer.zeroGrad();
          }
        }
      } finally {
        Evaluator.closeIfNeeded(batch);
      }
      lossSum += loss;
      BatchEnd end = new BatchEnd(epoch, i, n, lr, loss, scalars, (System.nanoTime() - t0) / 1e9, (t1 - t0) / 1e9);
      listeners.forEach(l -> l.onBatchEnd(this, end));
    }
    return lossSum / n;
  }

  /** The current state as a checkpoint (after the last finished epoch). */
  public Checkpoint snapshot() {
    int last = history.isEmpty() ? -1 : history.get(history.size() - 1).epoch();
    try (NativeScope s = NativeScope.open()) {
      return new Checkpoint(last, config.seed(), evalConfig.bestMetric(), bestValue, bestEpoch, history,
          StateDicts.export(task.module()), optimizer.state());
    }
  }

  /** Finished epochs, oldest first. */
  public List<EpochRecord> history() {
    return List.copyOf(history);
  }

  /** The next epoch to run. */
  public int startEpoch() {
    return startEpoch;
  }

  /** The epoch the current {@link #fit} stops before. */
  public int endEpoch() {
    return endEpoch;
  }

  /** The best validation value so far (NaN before any validation). */
  public double bestValue() {
    return bestValue;
  }

  /** The epoch of {@link #bestValue()}, -1 before any validation. */
  public int bestEpoch() {
    return bestEpoch;
  }

  public TrainConfig config() {
    return config;
  }

  public EvalConfig evalConfig() {
    return evalConfig;
  }

  /** Frees the optimiser state (the task stays open: it belongs to the caller). */
  @Override
  public void close() {
    optimizer.close();
  }
}
