"""TRL's SFTTrainer without the per-step diagnostics it computes for log lines that are not written.

Used by the TRL backend (tools/backends/trl.py, which re-exports it) and by the bench; measured in
`make bench` item 1.
"""
from __future__ import annotations


def lean_trainer(base):
    """`base` (TRL's SFTTrainer) computing its diagnostics only on the steps that log them.

    TRL 1.9 computes the entropy and the argmax accuracy over the whole logits tensor (tokens x
    vocabulary) on every micro-batch, only to average them into the next log line: a share of a CPU
    step that is largest on short unpacked rows (make bench item 1 and its notes measure it). Here a
    training micro-batch of a step that will not log goes straight to transformers' loss, with TRL's
    token count kept (it feeds num_tokens and the tokens/s column); logged steps, evaluation, and the
    loss types and kernels that compute these numbers inside the loss (chunked_nll, Liger) keep TRL's
    own path. The logged entropy and accuracy are then those of the logging step's micro-batches.
    """
    from transformers import Trainer

    class LeanSFTTrainer(base):
        def _logs_this_step(self) -> bool:
            step, every = self.state.global_step + 1, self.args.logging_steps
            if self.args.logging_strategy != "steps" or not every or every < 1:
                return True
            return step % int(every) == 0 or (step == 1 and self.args.logging_first_step) or step >= self.state.max_steps

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            if (not model.training or self._logs_this_step() or self.args.loss_type == "chunked_nll"
                    or self.args.use_liger_kernel or self.aux_loss_enabled):
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            inputs.pop("_prediction_loss_only", None)
            inputs["use_cache"] = False
            loss, outputs = Trainer.compute_loss(self, model, inputs, return_outputs=True, num_items_in_batch=num_items_in_batch)
            if "attention_mask" in inputs:
                local = inputs["attention_mask"].sum()
            else:  # padding-free packing: one row of position_ids
                local = inputs["position_ids"].new_tensor(inputs["position_ids"].size(1))
            self._total_train_tokens += self.accelerator.gather_for_metrics(local).sum().item()
            self._metrics["train"]["num_tokens"] = [self._total_train_tokens]
            return (loss, outputs) if return_outputs else loss

    LeanSFTTrainer.__name__ = LeanSFTTrainer.__qualname__ = f"Lean{base.__name__}"
    return LeanSFTTrainer
