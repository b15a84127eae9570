"""LLM fine-tuning recipes: recipe loading, data, training, export and serving."""
