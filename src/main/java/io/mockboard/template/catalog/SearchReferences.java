package io.mockboard.template.catalog;

import static io.mockboard.template.ComponentKind.ANN_INDEX;
import static io.mockboard.template.ComponentKind.CANDIDATE_GENERATION;
import static io.mockboard.template.ComponentKind.CLIENT;
import static io.mockboard.template.ComponentKind.DATA_LAKE;
import static io.mockboard.template.ComponentKind.EMBEDDING_SERVICE;
import static io.mockboard.template.ComponentKind.INDEXING_PIPELINE;
import static io.mockboard.template.ComponentKind.NOSQL_STORE;
import static io.mockboard.template.ComponentKind.OBJECT_STORAGE;
import static io.mockboard.template.ComponentKind.RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.RE_RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.TRAINING_PIPELINE;

import io.mockboard.template.layout.Component;
import io.mockboard.template.layout.FrameBuilder;
import io.mockboard.template.layout.GridBuilder;
import io.mockboard.template.layout.Route;
import io.mockboard.template.layout.SceneBuilder;
import java.util.List;

/** Reference architectures built on embeddings and nearest-neighbour search. */
final class SearchReferences {

    private SearchReferences() {
    }

    static List<String> visualSearch(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Prediction").caption(1, 0, "Indexing");
        Component user = grid.place(0, 1, CLIENT, "User picks a query image");
        Component embed = grid.place(0, 2, EMBEDDING_SERVICE, "Preprocessing + embedding service (CNN / ViT)");
        Component search = grid.place(0, 3, ANN_INDEX, "Nearest-neighbour service (ANN)");
        Component rerank = grid.place(0, 4, RE_RANKING_SERVICE, "Re-ranking: unsafe, private, duplicates, rules");
        Component results = grid.place(0, 5, CLIENT, "Similar images shown");
        Component images = grid.place(1, 1, OBJECT_STORAGE, "New images (object storage)");
        Component indexer = grid.place(1, 2, INDEXING_PIPELINE, "Indexing service: embeds new images");
        Component index = grid.place(1, 3, ANN_INDEX, "Image embedding index");
        scene.connect(user, embed).connect(embed, search).connect(search, rerank).connect(rerank, results)
                .connect(images, indexer).connect(indexer, index).connect(index, search);
        return List.of(
                "ML task: representation learning; image encoder trained with contrastive learning",
                "ANN options: tree, LSH, clustering (FAISS, ScaNN); exact NN does not scale",
                "Offline metrics: MRR, recall@k, precision@k, mAP, nDCG · online: CTR, time spent");
    }

    static List<String> videoSearch(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Video indexing").caption(1, 0, "Search")
                .caption(2, 0, "Text search").caption(3, 0, "Text indexing");
        Component videos = grid.place(0, 1, OBJECT_STORAGE, "New videos (object storage)");
        Component videoIndexer = grid.place(0, 2, INDEXING_PIPELINE, "Video indexing: video encoder");
        Component videoIndex = grid.place(0, 3, ANN_INDEX, "Video embedding index");
        Component user = grid.place(1, 1, CLIENT, "User types a text query");
        Component encoder = grid.place(1, 2, EMBEDDING_SERVICE, "Text encoder");
        Component ann = grid.place(1, 3, ANN_INDEX, "ANN search over video embeddings");
        Component fusion = grid.place(1, 4, RANKING_SERVICE, "Fusion layer: merge and score both result lists");
        Component rerank = grid.place(1, 5, RE_RANKING_SERVICE, "Re-ranking");
        Component results = grid.place(1, 6, CLIENT, "Ranked videos");
        Component textSearch = grid.place(2, 4, CANDIDATE_GENERATION, "Text search (Elasticsearch)");
        Component metadata = grid.place(3, 3, NOSQL_STORE, "Titles and tags");
        Component textIndexer = grid.place(3, 4, INDEXING_PIPELINE, "Text indexing");
        scene.connect(videos, videoIndexer).connect(videoIndexer, videoIndex).connect(videoIndex, ann)
                .connect(user, encoder).connect(encoder, ann).connect(ann, fusion)
                .connect(user, textSearch, Route.VERTICAL_FIRST).connect(textSearch, fusion)
                .connect(fusion, rerank).connect(rerank, results)
                .connect(metadata, textIndexer).connect(textIndexer, textSearch);
        return List.of(
                "Text and video encoders share one embedding space (trained on query–video pairs)",
                "Text search catches exact terms the embeddings miss; the fusion layer merges both lists");
    }

    static List<String> similarListings(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Training").caption(1, 0, "Indexing")
                .caption(2, 0, "Prediction");
        Component sessions = grid.place(0, 1, DATA_LAKE, "Search sessions (data lake)");
        Component training = grid.place(0, 2, TRAINING_PIPELINE, "Train session-based listing embeddings");
        Component indexer = grid.place(1, 3, INDEXING_PIPELINE, "Indexing pipeline: embed every listing");
        Component index = grid.place(1, 4, ANN_INDEX, "Listing embedding index");
        Component user = grid.place(2, 1, CLIENT, "User views a listing");
        Component fetcher = grid.place(2, 2, EMBEDDING_SERVICE, "Embedding fetcher");
        Component neighbours = grid.place(2, 3, ANN_INDEX, "Nearest-neighbour service");
        Component rerank = grid.place(2, 4, RE_RANKING_SERVICE, "Re-ranking: filters, price, region");
        Component results = grid.place(2, 5, CLIENT, "Similar listings carousel");
        scene.connect(sessions, training).connect(training, indexer).connect(indexer, index)
                .connect(user, fetcher).connect(fetcher, neighbours).connect(index, neighbours)
                .connect(neighbours, rerank).connect(rerank, results);
        return List.of(
                "Embeddings from click sessions (skip-gram style); the booked listing is global context",
                "Negatives sampled from the same region, so the model learns more than geography",
                "New listings have no embedding yet: cold start from similar listings nearby");
    }
}
